import type { Messages } from './en'

const nl: Messages = {
  title: 'Jouw privacykeuzes',
  body: 'We gebruiken cookies die de site nodig heeft om te werken. Met je toestemming meten we ook bezoeken, alleen in totalen. Je kunt je keuze altijd wijzigen.',
  gpc: 'Je browser stuurde een Global Privacy Control-signaal, dus optionele cookies staan uit.',
  policy: 'Privacybeleid',
  acceptAll: 'Alles accepteren',
  rejectAll: 'Alles weigeren',
  customise: 'Aanpassen',
  prefsTitle: 'Cookievoorkeuren',
  prefsBody: 'Kies welke optionele cookies we mogen gebruiken. Niets optioneels staat aan voordat jij het aanzet.',
  save: 'Keuzes opslaan',
  close: 'Sluiten',
  essential: 'Noodzakelijk',
  essentialBody: 'Nodig om de site te laten werken, zoals inloggen en het onthouden van deze keuze.',
  alwaysOn: 'Altijd aan',
  analytics: 'Statistieken',
  analyticsBody: 'Statistieken in totalen die laten zien hoe de site wordt gebruikt.',
  marketing: 'Marketing',
  marketingBody: 'Advertenties meten en personaliseren.',
  cookies: 'Gebruikte cookies',
  name: 'Naam',
  purpose: 'Doel',
  lifetime: 'Bewaartermijn',
  provider: 'Aanbieder',
  settings: 'Cookie-instellingen',
}
export default nl
