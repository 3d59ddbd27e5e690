// Every language's built-in texts, imported statically: the server has no chunks to fetch, and
// edge runtimes allow no dynamic import. A test keeps it in step with LANGUAGES (ui/language.ts).
import type { Banner, Details } from '../config/strings'
import ar from '../ui/messages/ar'
import ar_details from '../ui/messages/ar-details'
import bg from '../ui/messages/bg'
import bg_details from '../ui/messages/bg-details'
import ca from '../ui/messages/ca'
import ca_details from '../ui/messages/ca-details'
import cs from '../ui/messages/cs'
import cs_details from '../ui/messages/cs-details'
import da from '../ui/messages/da'
import da_details from '../ui/messages/da-details'
import de from '../ui/messages/de'
import de_details from '../ui/messages/de-details'
import el from '../ui/messages/el'
import el_details from '../ui/messages/el-details'
import en from '../ui/messages/en'
import en_details from '../ui/messages/en-details'
import es from '../ui/messages/es'
import es_details from '../ui/messages/es-details'
import et from '../ui/messages/et'
import et_details from '../ui/messages/et-details'
import eu from '../ui/messages/eu'
import eu_details from '../ui/messages/eu-details'
import fa from '../ui/messages/fa'
import fa_details from '../ui/messages/fa-details'
import fi from '../ui/messages/fi'
import fi_details from '../ui/messages/fi-details'
import fr from '../ui/messages/fr'
import fr_details from '../ui/messages/fr-details'
import ga from '../ui/messages/ga'
import ga_details from '../ui/messages/ga-details'
import gl from '../ui/messages/gl'
import gl_details from '../ui/messages/gl-details'
import he from '../ui/messages/he'
import he_details from '../ui/messages/he-details'
import hi from '../ui/messages/hi'
import hi_details from '../ui/messages/hi-details'
import hr from '../ui/messages/hr'
import hr_details from '../ui/messages/hr-details'
import hu from '../ui/messages/hu'
import hu_details from '../ui/messages/hu-details'
import id from '../ui/messages/id'
import id_details from '../ui/messages/id-details'
import is from '../ui/messages/is'
import is_details from '../ui/messages/is-details'
import it from '../ui/messages/it'
import it_details from '../ui/messages/it-details'
import ja from '../ui/messages/ja'
import ja_details from '../ui/messages/ja-details'
import ko from '../ui/messages/ko'
import ko_details from '../ui/messages/ko-details'
import lt from '../ui/messages/lt'
import lt_details from '../ui/messages/lt-details'
import lv from '../ui/messages/lv'
import lv_details from '../ui/messages/lv-details'
import mt from '../ui/messages/mt'
import mt_details from '../ui/messages/mt-details'
import nb from '../ui/messages/nb'
import nb_details from '../ui/messages/nb-details'
import nl from '../ui/messages/nl'
import nl_details from '../ui/messages/nl-details'
import pl from '../ui/messages/pl'
import pl_details from '../ui/messages/pl-details'
import pt from '../ui/messages/pt'
import pt_details from '../ui/messages/pt-details'
import pt_br from '../ui/messages/pt-br'
import pt_br_details from '../ui/messages/pt-br-details'
import ro from '../ui/messages/ro'
import ro_details from '../ui/messages/ro-details'
import sk from '../ui/messages/sk'
import sk_details from '../ui/messages/sk-details'
import sl from '../ui/messages/sl'
import sl_details from '../ui/messages/sl-details'
import sr from '../ui/messages/sr'
import sr_details from '../ui/messages/sr-details'
import sv from '../ui/messages/sv'
import sv_details from '../ui/messages/sv-details'
import th from '../ui/messages/th'
import th_details from '../ui/messages/th-details'
import tr from '../ui/messages/tr'
import tr_details from '../ui/messages/tr-details'
import uk from '../ui/messages/uk'
import uk_details from '../ui/messages/uk-details'
import vi from '../ui/messages/vi'
import vi_details from '../ui/messages/vi-details'
import zh_hans from '../ui/messages/zh-hans'
import zh_hans_details from '../ui/messages/zh-hans-details'
import zh_hant from '../ui/messages/zh-hant'
import zh_hant_details from '../ui/messages/zh-hant-details'

/** Each shipped language's banner texts and the rest, by its tag as LANGUAGES spells it. */
export const BUILT_IN: Record<string, [Banner, Details]> = {
  __proto__: null as never,
  ar: [ar, ar_details],
  bg: [bg, bg_details],
  ca: [ca, ca_details],
  cs: [cs, cs_details],
  da: [da, da_details],
  de: [de, de_details],
  el: [el, el_details],
  en: [en, en_details],
  es: [es, es_details],
  et: [et, et_details],
  eu: [eu, eu_details],
  fa: [fa, fa_details],
  fi: [fi, fi_details],
  fr: [fr, fr_details],
  ga: [ga, ga_details],
  gl: [gl, gl_details],
  he: [he, he_details],
  hi: [hi, hi_details],
  hr: [hr, hr_details],
  hu: [hu, hu_details],
  id: [id, id_details],
  is: [is, is_details],
  it: [it, it_details],
  ja: [ja, ja_details],
  ko: [ko, ko_details],
  lt: [lt, lt_details],
  lv: [lv, lv_details],
  mt: [mt, mt_details],
  nb: [nb, nb_details],
  nl: [nl, nl_details],
  pl: [pl, pl_details],
  pt: [pt, pt_details],
  'pt-br': [pt_br, pt_br_details],
  ro: [ro, ro_details],
  sk: [sk, sk_details],
  sl: [sl, sl_details],
  sr: [sr, sr_details],
  sv: [sv, sv_details],
  th: [th, th_details],
  tr: [tr, tr_details],
  uk: [uk, uk_details],
  vi: [vi, vi_details],
  'zh-hans': [zh_hans, zh_hans_details],
  'zh-hant': [zh_hant, zh_hant_details],
}
