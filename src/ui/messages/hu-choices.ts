import type { PolicyTexts } from '../../config/strings'

const hu: PolicyTexts = {
  choicesLink: 'Az Ön adatvédelmi döntései',
  choicesTitle: 'Az Ön adatvédelmi döntései',
  choicesBody:
    'Ez a webhely és partnerei sütiket használnak statisztikához és hirdetésekhez. Bármikor tiltakozhat személyes adatai eladása vagy megosztása, valamint a célzott hirdetések ellen.',
  optOut: 'Ne adják el és ne osszák meg a személyes adataimat',
  optedOut: 'Ön tiltakozott személyes adatai eladása vagy megosztása, valamint a célzott hirdetések ellen.',
  gpcHonoured:
    'Böngészője Global Privacy Control jelzést küldött, ezért az eladás, a megosztás és a célzott hirdetések le vannak tiltva.',
  noticeTitle: 'Sütik ezen a webhelyen',
  noticeBody:
    'Ez a webhely sütiket használ statisztikához és hirdetésekhez. Ezt bármikor módosíthatja „Az Ön adatvédelmi döntései” alatt.',
  ok: 'OK',
}
export default hu
