const n = (x: number) => Math.round(x).toLocaleString('en-US')

const duration = (s: number) =>
  s < 60 ? `${Math.ceil(s)} s` : s < 3600 ? `${Math.floor(s / 60)} min ${Math.ceil(s % 60)} s` : `${(s / 3600).toFixed(1)} h`

/** "12,000 of 48,000 receipts, 4,000/s, ETA 9 s": rows so far, the rate, and the time left at that rate. */
export function progressLine(rows: number, total: number, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? (rows * 1000) / elapsedMs : 0
  const eta = rate > 0 ? `, ETA ${duration(Math.max(0, total - rows) / rate)}` : ''
  return `${n(rows)} of ${n(total)} receipts, ${n(rate)}/s${eta}`
}
