import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';

const KEY = 'kitout.intake';

interface CurrentIntake {
  intakeId: string | null;
  setIntakeId(id: string): void;
}

const Context = createContext<CurrentIntake>({ intakeId: null, setIntakeId: () => {} });

function readStored(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** The intake last opened on this device, so "Roster" in the navigation leads back to it. */
export function CurrentIntakeProvider({ children }: { children: ReactNode }) {
  const [intakeId, setState] = useState<string | null>(readStored);
  const setIntakeId = useCallback((id: string) => {
    setState(id);
    try {
      localStorage.setItem(KEY, id);
    } catch {
      // Storage switched off: remembered until reload only.
    }
  }, []);
  const value = useMemo(() => ({ intakeId, setIntakeId }), [intakeId, setIntakeId]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useCurrentIntake(): CurrentIntake {
  return useContext(Context);
}

/** Marks `id` as the intake being worked on. */
export function useRememberIntake(id: string | undefined): void {
  const { setIntakeId } = useCurrentIntake();
  useEffect(() => {
    if (id) setIntakeId(id);
  }, [id, setIntakeId]);
}
