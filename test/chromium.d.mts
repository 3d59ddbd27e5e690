import type { Browser } from 'playwright-core'
export const CHROMIUM: string
export const TEST_HOSTS: string
export function launchChromium(...args: string[]): Promise<Browser>
