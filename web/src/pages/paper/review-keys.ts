/** What a key press does in the review queue; pure, so the shortcuts are tested without a browser. */
export type ReviewKeyAction =
  | { kind: 'accept' }
  | { kind: 'choice'; index: number }
  | { kind: 'blank' }
  | { kind: 'type' }
  | { kind: 'skip' }
  | { kind: 'back' }
  | undefined;

/**
 * Enter accepts the value read; 1–9 pick the choice with that number; 0 means "no answer"; / or T go to the
 * typing box; S or → skip to the next item, ← goes back. Keys typed into a text box are the box's, and a key
 * with Ctrl, Alt or Meta is the browser's.
 */
export function reviewKey(
  e: { key: string; ctrlKey?: boolean; altKey?: boolean; metaKey?: boolean },
  opts: { inTextBox: boolean; choices: number; canAccept: boolean },
): ReviewKeyAction {
  if (opts.inTextBox || e.ctrlKey || e.altKey || e.metaKey) return undefined;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (key === 'Enter') return opts.canAccept ? { kind: 'accept' } : undefined;
  if (/^[1-9]$/.test(key)) {
    const index = Number(key) - 1;
    return index < opts.choices ? { kind: 'choice', index } : undefined;
  }
  if (key === '0') return { kind: 'blank' };
  if (key === '/' || key === 't' || key === 'е') return { kind: 'type' };
  if (key === 's' || key === 'ы' || key === 'ArrowRight') return { kind: 'skip' };
  if (key === 'ArrowLeft') return { kind: 'back' };
  return undefined;
}
