import type { Banner } from '../../config/strings'

const el: Banner = {
  title: 'Οι επιλογές απορρήτου σας',
  body: 'Χρησιμοποιούμε cookies που χρειάζεται ο ιστότοπος για να λειτουργεί. Με τη συγκατάθεσή σας μετράμε επίσης τις επισκέψεις συγκεντρωτικά. Μπορείτε να αλλάξετε γνώμη ανά πάσα στιγμή.',
  gpc: 'Το πρόγραμμα περιήγησής σας έστειλε σήμα Global Privacy Control, οπότε τα προαιρετικά cookies είναι απενεργοποιημένα.',
  policy: 'Πολιτική απορρήτου',
  acceptAll: 'Αποδοχή όλων',
  rejectAll: 'Απόρριψη όλων',
  customise: 'Προσαρμογή',
  settings: 'Ρυθμίσεις cookies',
}
export default el

export const details = () => import('./el-details')
