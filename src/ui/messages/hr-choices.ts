import type { PolicyTexts } from '../../config/strings'

const hr: PolicyTexts = {
  choicesLink: 'Vaši izbori privatnosti',
  choicesTitle: 'Vaši izbori privatnosti',
  choicesBody:
    'Ova stranica i njezini partneri koriste kolačiće za analitiku i oglašavanje. U bilo kojem trenutku možete odbiti prodaju ili dijeljenje svojih osobnih podataka i ciljano oglašavanje.',
  optOut: 'Nemojte prodavati ni dijeliti moje osobne podatke',
  optedOut: 'Prodaja ili dijeljenje vaših osobnih podataka i ciljano oglašavanje su odbijeni.',
  gpcHonoured: 'Vaš je preglednik poslao signal Global Privacy Control pa su prodaja, dijeljenje i ciljano oglašavanje odbijeni.',
  noticeTitle: 'Kolačići na ovoj stranici',
  noticeBody:
    'Ova stranica koristi kolačiće za analitiku i oglašavanje. To možete promijeniti u bilo kojem trenutku pod „Vaši izbori privatnosti”.',
  ok: 'U redu',
}
export default hr
