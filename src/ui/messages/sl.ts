import type { Banner } from '../../config/strings'

const sl: Banner = {
  title: 'Vaše nastavitve zasebnosti',
  body: 'Uporabljamo piškotke, ki jih spletno mesto potrebuje za delovanje. Z vašo privolitvijo tudi zbirno merimo obiske. Svojo odločitev lahko kadar koli spremenite.',
  gpc: 'Vaš brskalnik je poslal signal Global Privacy Control, zato so neobvezni piškotki izklopljeni.',
  policy: 'Politika zasebnosti',
  acceptAll: 'Sprejmi vse',
  rejectAll: 'Zavrni vse',
  customise: 'Prilagodi',
  settings: 'Nastavitve piškotkov',
}
export default sl

export const details = () => import('./sl-details')
