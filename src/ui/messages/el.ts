import type { Banner } from '../../config/strings'

const el: Banner = {
  title: 'Οι επιλογές απορρήτου σας',
  body: 'Χρησιμοποιούμε cookies που χρειάζεται ο ιστότοπος για να λειτουργεί. Με τη συγκατάθεσή σας και για:',
  analyticsLine: 'Στατιστικά: συγκεντρωτική μέτρηση των επισκέψεων',
  marketingLine: 'Μάρκετινγκ: μέτρηση και εξατομίκευση διαφημίσεων, με διαφημιστικούς συνεργάτες',
  functionalLine: 'Λειτουργικά: περιεχόμενο από άλλους ιστότοπους, όπως βίντεο και χάρτες',
  anytime: 'Μπορείτε να αλλάξετε γνώμη ανά πάσα στιγμή.',
  gpc: 'Το πρόγραμμα περιήγησής σας έστειλε σήμα Global Privacy Control, οπότε τα προαιρετικά cookies είναι απενεργοποιημένα.',
  policy: 'Πολιτική απορρήτου',
  acceptAll: 'Αποδοχή όλων',
  rejectAll: 'Απόρριψη όλων',
  customise: 'Προσαρμογή',
  settings: 'Ρυθμίσεις cookies',
}
export default el

export const details = () => import('./el-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./el-choices')
