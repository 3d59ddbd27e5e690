export function gzip(code: string | Uint8Array): number
export function packedProject(): { dir: string; tarball: string; installed: string; remove(): void }
export function appEntryBytes(dir: string): Promise<number>
