import type { PolicyTexts } from '../../config/strings'

const cs: PolicyTexts = {
  choicesLink: 'Vaše volby ochrany soukromí',
  choicesTitle: 'Vaše volby ochrany soukromí',
  choicesBody:
    'Tento web a jeho partneři používají cookies pro analýzu a reklamu. Prodej nebo sdílení svých osobních údajů a cílenou reklamu můžete kdykoli odmítnout.',
  optOut: 'Neprodávat ani nesdílet mé osobní údaje',
  optedOut: 'Odmítli jste prodej nebo sdílení svých osobních údajů a cílenou reklamu.',
  gpcHonoured: 'Váš prohlížeč odeslal signál Global Privacy Control, proto jsou prodej, sdílení i cílená reklama odmítnuty.',
  noticeTitle: 'Cookies na tomto webu',
  noticeBody: 'Tento web používá cookies pro analýzu a reklamu. Kdykoli to můžete změnit v části „Vaše volby ochrany soukromí“.',
  ok: 'OK',
}
export default cs
