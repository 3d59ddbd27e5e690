import type { Config } from '../config/options'
import type { Banner, Messages } from '../config/strings'
import { lazy } from '../steps'
import { loadLanguage, pickLanguage } from './language'

/**
 * The UI's texts in the visitor's language, with the site's `strings` over them. The language is
 * picked when a text is first needed: a returning visitor's page view has no use for it. The
 * banner needs only its own few; the dialog and the cookie table share one copy of them all.
 */
export function texts(config: Config) {
  let lang = ''
  const language = lazy(() =>
    loadLanguage((lang = pickLanguage([config.lang, document.documentElement.lang, ...(navigator.languages || [])]))),
  )
  return {
    lang: () => lang,
    banner: () => language().then((m): Banner => ({ ...m.default, ...config.strings })),
    all: lazy(() =>
      language().then((m) =>
        m.details().then(({ default: d }): Messages => ({
          ...m.default,
          ...d,
          ...config.strings,
          // A prototype-free map: a cookie named `constructor` has no purpose.
          about: Object.assign(Object.create(null), d.about, config.strings.about),
        })),
      ),
    ),
  }
}
