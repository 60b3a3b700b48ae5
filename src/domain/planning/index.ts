/** Planning: demand per item × size × site (from answers or a size tariff) against stock, transfers and a buy list. */
export * from './forecast.ts';
export * from './supply-plan.ts';
