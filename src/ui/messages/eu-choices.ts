import type { PolicyTexts } from '../../config/strings'

const eu: PolicyTexts = {
  choicesLink: 'Zure pribatutasun-aukerak',
  choicesTitle: 'Zure pribatutasun-aukerak',
  choicesBody:
    'Webgune honek eta bere bazkideek cookieak erabiltzen dituzte analitikarako eta publizitaterako. Edozein unetan uko egin diezaiokezu zure informazio pertsonala saltzeari edo partekatzeari, baita publizitate pertsonalizatuari ere.',
  optOut: 'Ez saldu eta ez partekatu nire informazio pertsonala',
  optedOut: 'Uko egin diozu zure informazio pertsonala saltzeari edo partekatzeari, eta publizitate pertsonalizatuari.',
  gpcHonoured:
    'Zure nabigatzaileak Global Privacy Control seinalea bidali du; beraz, salmentari, partekatzeari eta publizitate pertsonalizatuari uko egin zaie.',
  noticeTitle: 'Webgune honetako cookieak',
  noticeBody:
    'Webgune honek cookieak erabiltzen ditu analitikarako eta publizitaterako. Edozein unetan alda dezakezu hori «Zure pribatutasun-aukerak» atalean.',
  ok: 'Ados',
}
export default eu
