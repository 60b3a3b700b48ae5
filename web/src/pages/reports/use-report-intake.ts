import { useSearchParams } from 'react-router';
import { useCurrentIntake } from '../../components/current-intake.tsx';

/** The intake a report looks at: `?intake=` in the address, else the one last worked on. */
export function useReportIntake(): [string | undefined, (id: string) => void] {
  const [params, setParams] = useSearchParams();
  const { intakeId, setIntakeId } = useCurrentIntake();
  const id = params.get('intake') ?? intakeId ?? undefined;
  const choose = (next: string) => {
    setIntakeId(next);
    setParams(
      (prev) => {
        const out = new URLSearchParams(prev);
        out.set('intake', next);
        return out;
      },
      { replace: true },
    );
  };
  return [id, choose];
}
