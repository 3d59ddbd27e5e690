import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { explain } from '../config/explain'
import { resolveConfig, type Config, type Options } from '../config/options'
import { parseBaseline } from './baseline'
import type { Report } from './findings'

/** Writes `data` as JSON, 2-space indented; `exclusive` refuses a file that is already there. */
export const writeJson = (file: string, data: unknown, exclusive = false) => {
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, JSON.stringify(data, null, 2) + '\n', { flag: exclusive ? 'wx' : 'w' })
}

/** A site description from a JSON file, as written, once the SDK's validator took it; throws an Error saying what is wrong. */
export const readOptions = (file: string): Options => {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    throw new Error(`cannot read ${file}: ${(e as Error).message}`)
  }
  let description: Options
  try {
    description = JSON.parse(text)
  } catch (e) {
    throw new Error(`${file} is not JSON: ${(e as Error).message}`)
  }
  try {
    resolveConfig(description, null)
  } catch (e) {
    throw new Error(`${file}: ${(explain(e) as Error).message}`)
  }
  return description
}

/** A site description from a JSON file, validated and resolved as the SDK does; throws as readOptions. */
export const readDescription = (file: string): Config => resolveConfig(readOptions(file), null)

/**
 * A saved `--json` result to compare with; `null` for a file not there yet when `update` may write
 * it. Throws an Error saying in one line what is wrong (missing, not JSON, another version).
 */
export const readBaseline = (file: string, update: boolean): Report | null => {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    if (update && (e as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new Error(`cannot read the baseline ${file}: ${(e as Error).message}${update ? '' : ' (write one with --update)'}`)
  }
  return parseBaseline(text, file)
}
