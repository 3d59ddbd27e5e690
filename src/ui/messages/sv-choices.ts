import type { PolicyTexts } from '../../config/strings'

const sv: PolicyTexts = {
  choicesLink: 'Dina integritetsval',
  choicesTitle: 'Dina integritetsval',
  choicesBody:
    'Den här webbplatsen och dess partner använder kakor för statistik och annonser. Du kan när som helst välja bort försäljning eller delning av dina personuppgifter och riktad annonsering.',
  optOut: 'Sälj eller dela inte mina personuppgifter',
  optedOut: 'Du har valt bort försäljning eller delning av dina personuppgifter och riktad annonsering.',
  gpcHonoured:
    'Din webbläsare skickade en Global Privacy Control-signal, så försäljning, delning och riktad annonsering är bortvalda.',
  noticeTitle: 'Kakor på den här webbplatsen',
  noticeBody:
    'Den här webbplatsen använder kakor för statistik och annonser. Du kan ändra det när som helst under ”Dina integritetsval”.',
  ok: 'OK',
}
export default sv
