/**
 * Length units as branded numbers, so a centimetre value cannot be passed where millimetres are expected
 * without an explicit conversion (the Excalidraw `Radians`/`Degrees` idea).
 */
declare const unit: unique symbol;

/** A length in centimetres (garment and head dimensions). */
export type Centimetres = number & { readonly [unit]: 'cm' };
/** A length in millimetres (foot dimensions, shoe lasts). */
export type Millimetres = number & { readonly [unit]: 'mm' };
/** A length in inches (US/UK hats and shoe lasts). */
export type Inches = number & { readonly [unit]: 'in' };

export const cm = (value: number): Centimetres => value as Centimetres;
export const mm = (value: number): Millimetres => value as Millimetres;
export const inches = (value: number): Inches => value as Inches;

/** 1 in = 2.54 cm exactly (international inch, 1959). */
export const CM_PER_INCH = 2.54;
export const MM_PER_INCH = 25.4;

export const inchesToCm = (value: Inches): Centimetres => cm(value * CM_PER_INCH);
export const cmToInches = (value: Centimetres): Inches => inches(value / CM_PER_INCH);
export const inchesToMm = (value: Inches): Millimetres => mm(value * MM_PER_INCH);
export const mmToInches = (value: Millimetres): Inches => inches(value / MM_PER_INCH);
export const cmToMm = (value: Centimetres): Millimetres => mm(value * 10);
export const mmToCm = (value: Millimetres): Centimetres => cm(value / 10);
