// Helpers shared by the per-aggregate stores: booleans as 0/1 and counts that PostgreSQL returns
// as strings.

export const bool = (v: number | boolean | null | undefined): boolean => v === 1 || v === true;
export const bit = (v: boolean | undefined): number => (v ? 1 : 0);
export const count = (v: string | number | bigint | null | undefined): number => Number(v ?? 0);

/** Paging and sorting that every list shares. */
export interface Page {
  limit: number;
  offset: number;
}
