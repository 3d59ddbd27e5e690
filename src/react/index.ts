// `consent-gate/react`: the gate's consent as React state. Works with React 18 and 19, and with
// preact/compat (which has useSyncExternalStore). Shares no code with the core: the gate is passed in.
import { createElement, Fragment, useCallback, useSyncExternalStore, type ReactElement, type ReactNode } from 'react'
import type { Category } from '../config/profiles'
import type { Consent as ConsentState, ConsentGate } from '../gate'

// getConsent() returns a new object on every call, and useSyncExternalStore re-renders whenever
// the snapshot is not the same object: so each gate keeps its last snapshot while it still holds.
const client = new WeakMap<ConsentGate, { key: string; consent: ConsentState }>()
const server = new WeakMap<ConsentGate, ConsentState>()

const snapshot = (gate: ConsentGate): ConsentState => {
  const consent = gate.getConsent()
  const key = JSON.stringify(consent)
  const last = client.get(gate)
  if (last?.key === key) return last.consent
  client.set(gate, { key, consent })
  return consent
}

// The server cannot know the visitor's choice, so the server render, and the hydration that must
// match it, show nothing granted (and undecided, unless the site offers nothing to decide); the
// stored choice follows in the render after hydration.
const undecided = (gate: ConsentGate): ConsentState => {
  let consent = server.get(gate)
  if (!consent) {
    const { choices, categories, policy } = gate.getConsent()
    const none = Object.fromEntries(Object.keys(choices).map((c) => [c, false])) as ConsentState['choices']
    consent = { decided: !categories.length, choices: none, categories, policy }
    server.set(gate, consent)
  }
  return consent
}

/** The visitor's consent, re-rendering on every change. */
export function useConsent(gate: ConsentGate): ConsentState {
  return useSyncExternalStore(
    useCallback((onChange: () => void) => gate.subscribe(onChange), [gate]),
    () => snapshot(gate),
    () => undecided(gate),
  )
}

export interface ConsentProps {
  gate: ConsentGate
  category: Category
  /** Shown while the category is not granted, e.g. a note with a button that opens the preferences. */
  fallback?: ReactNode
  children?: ReactNode
}

/** Renders `children` only while `category` is granted, else `fallback`. */
export function Consent({ gate, category, fallback = null, children }: ConsentProps): ReactElement {
  const { choices } = useConsent(gate)
  // Own keys only: `category="constructor"`, or one some script put on Object.prototype, is never granted.
  return createElement(
    Fragment,
    null,
    Object.prototype.hasOwnProperty.call(choices, category) && choices[category] === true ? children : fallback,
  )
}
