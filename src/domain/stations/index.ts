export { type Alternative, alternativesFor } from './alternatives.ts';
export { type CheckInCode, parseCheckInCode, slipCode } from './check-in-code.ts';
export { type Holding, heldQty, holdingsOf, type KitLine, unitsIssued } from './holdings.ts';
export {
  type EventOutcome,
  eventBody,
  MAX_EVENTS_PER_BATCH,
  type RefusalCode,
  type StationEvent,
  StationEventBatchSchema,
  StationEventSchema,
} from './station-event.ts';
export {
  etaMinutes,
  perStationPerHour,
  quantile,
  stationRates,
  type TicketTimes,
  waits,
} from './throughput.ts';
