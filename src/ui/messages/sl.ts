import type { Banner } from '../../config/strings'

const sl: Banner = {
  title: 'Vaše nastavitve zasebnosti',
  body: 'Uporabljamo piškotke, ki jih spletno mesto potrebuje za delovanje. Z vašo privolitvijo tudi za:',
  analyticsLine: 'Analitični: zbirno merjenje obiskov',
  marketingLine: 'Trženjski: merjenje in prilagajanje oglasov, skupaj z oglaševalskimi partnerji',
  functionalLine: 'Funkcionalni: vsebine z drugih spletnih mest, npr. videoposnetki in zemljevidi',
  anytime: 'Svojo odločitev lahko kadar koli spremenite.',
  gpc: 'Vaš brskalnik je poslal signal Global Privacy Control, zato so neobvezni piškotki izklopljeni.',
  policy: 'Politika zasebnosti',
  acceptAll: 'Sprejmi vse',
  rejectAll: 'Zavrni vse',
  customise: 'Prilagodi',
  settings: 'Nastavitve piškotkov',
}
export default sl

export const details = () => import('./sl-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./sl-choices')
