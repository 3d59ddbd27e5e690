import type { PolicyTexts } from '../../config/strings'

const nb: PolicyTexts = {
  choicesLink: 'Dine personvernvalg',
  choicesTitle: 'Dine personvernvalg',
  choicesBody:
    'Dette nettstedet og partnerne dets bruker informasjonskapsler til statistikk og annonser. Du kan når som helst reservere deg mot salg eller deling av personopplysningene dine og mot målrettet reklame.',
  optOut: 'Ikke selg eller del personopplysningene mine',
  optedOut: 'Du har reservert deg mot salg eller deling av personopplysningene dine og mot målrettet reklame.',
  gpcHonoured:
    'Nettleseren din sendte et Global Privacy Control-signal, så du er reservert mot salg, deling og målrettet reklame.',
  noticeTitle: 'Informasjonskapsler på nettstedet',
  noticeBody:
    'Dette nettstedet bruker informasjonskapsler til statistikk og annonser. Du kan endre det når som helst under «Dine personvernvalg».',
  ok: 'OK',
}
export default nb
