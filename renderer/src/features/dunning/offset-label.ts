/** "D−5", "D0", "D+3". */
export function offsetLabel(days: number): string {
  return days === 0 ? 'D0' : days < 0 ? `D−${-days}` : `D+${days}`;
}
