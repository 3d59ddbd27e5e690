import type { CDPSession } from 'playwright-core'

export interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  pid: number
  tid: number
  args?: Record<string, any>
}
/** Starts tracing on a CDP session; the function it returns stops and gives every event. */
export function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>>
/** The tasks that dispatched a click's input events, and what `started` (by URL) or a `bench:` mark began in them. */
export function inClick(events: TraceEvent[], pageUrl: string, started: (url: string) => boolean): { tasks: number; found: string[] }
