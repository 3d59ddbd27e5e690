import type { Banner } from '../../config/strings'

const sk: Banner = {
  title: 'Vaše nastavenia súkromia',
  body: 'Používame súbory cookie, ktoré stránka potrebuje na fungovanie. S vaším súhlasom aj na tieto účely:',
  analyticsLine: 'Analytické: súhrnné meranie návštevnosti',
  marketingLine: 'Marketingové: meranie a prispôsobenie reklamy spolu s reklamnými partnermi',
  functionalLine: 'Funkčné: obsah z iných stránok, napr. videá a mapy',
  anytime: 'Svoje rozhodnutie môžete kedykoľvek zmeniť.',
  gpc: 'Váš prehliadač odoslal signál Global Privacy Control, preto sú voliteľné súbory cookie vypnuté.',
  policy: 'Zásady ochrany súkromia',
  acceptAll: 'Prijať všetko',
  rejectAll: 'Odmietnuť všetko',
  customise: 'Prispôsobiť',
  settings: 'Nastavenia cookies',
}
export default sk

export const details = () => import('./sk-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./sk-choices')
