"""Interface strings in English, French and Arabic: a dict, no Qt Linguist toolchain.

``tr("key", **kw)`` looks the key up in the current interface language, falls back to English,
then to the key itself, and formats it with ``kw``. The interface language is process-wide
(``set_language``); the main window retranslates itself when it changes.
"""
from __future__ import annotations

from babel import Locale

from circular_studio.core.locale import languages as _table

# The interface languages (the table's entries marked ``interface = true``), each in itself.
LANGUAGES = {code: _table.language(code).own_name for code in _table.interface_languages()}

_current = "en"

STRINGS: dict[str, dict[str, str]] = {
    "app.title": {"en": "Circular Studio", "fr": "Circular Studio", "ar": "Circular Studio"},
    "menu.file": {"en": "&File", "fr": "&Fichier", "ar": "&ملف"},
    "menu.edit": {"en": "&Edit", "fr": "É&dition", "ar": "&تحرير"},
    "menu.view": {"en": "&View", "fr": "&Affichage", "ar": "&عرض"},
    "menu.letter": {"en": "&Letter", "fr": "&Lettre", "ar": "ال&رسالة"},
    "menu.settings": {"en": "&Settings", "fr": "&Paramètres", "ar": "الإ&عدادات"},
    "menu.help": {"en": "&Help", "fr": "&Aide", "ar": "م&ساعدة"},
    "menu.recent": {"en": "Open &Recent", "fr": "Fichiers &récents", "ar": "الملفات ال&أخيرة"},
    "menu.examples": {"en": "Open E&xample", "fr": "Ouvrir un e&xemple", "ar": "فتح م&ثال"},
    "menu.recent.empty": {"en": "(no recent files)", "fr": "(aucun fichier récent)", "ar": "(لا توجد ملفات)"},
    "menu.interface_language": {"en": "Interface &language", "fr": "&Langue de l'interface",
                                "ar": "&لغة الواجهة"},
    "action.new": {"en": "&New Letter…", "fr": "&Nouvelle lettre…", "ar": "رسالة &جديدة…"},
    "action.open": {"en": "&Open…", "fr": "&Ouvrir…", "ar": "&فتح…"},
    "action.save": {"en": "&Save", "fr": "&Enregistrer", "ar": "&حفظ"},
    "action.save_as": {"en": "Save &As…", "fr": "Enregistrer &sous…", "ar": "حفظ &باسم…"},
    "action.print": {"en": "&Print…", "fr": "&Imprimer…", "ar": "&طباعة…"},
    "action.cut": {"en": "Cu&t", "fr": "Co&uper", "ar": "&قص"},
    "action.copy": {"en": "&Copy", "fr": "&Copier", "ar": "&نسخ"},
    "action.paste": {"en": "&Paste", "fr": "C&oller", "ar": "&لصق"},
    "action.select_all": {"en": "Select &All", "fr": "&Tout sélectionner", "ar": "تحديد ال&كل"},
    "action.find": {"en": "&Find…", "fr": "&Rechercher…", "ar": "&بحث…"},
    "action.replace": {"en": "&Replace…", "fr": "Rem&placer…", "ar": "است&بدال…"},
    "action.zoom_in": {"en": "Zoom &In", "fr": "Zoom &avant", "ar": "ت&كبير"},
    "action.zoom_out": {"en": "Zoom &Out", "fr": "Zoom a&rrière", "ar": "ت&صغير"},
    "action.fit_width": {"en": "&Fit Width", "fr": "A&juster à la largeur", "ar": "ملاءمة ال&عرض"},
    "action.guide": {"en": "&User Guide", "fr": "&Guide de l'utilisateur", "ar": "&دليل المستخدم"},
    "action.check_catalogue": {"en": "&Check Catalogue", "fr": "&Catalogue des vérifications", "ar": "&فهرس عمليات التحقق"},
    "help.shortcuts": {"en": "Commands and shortcuts", "fr": "Commandes et raccourcis", "ar": "الأوامر واختصارات لوحة المفاتيح"},
    "find.find": {"en": "Find:", "fr": "Rechercher :", "ar": "بحث:"},
    "find.replace_with": {"en": "Replace with:", "fr": "Remplacer par :", "ar": "استبدال بـ:"},
    "find.next": {"en": "Next", "fr": "Suivant", "ar": "التالي"},
    "find.replace": {"en": "Replace", "fr": "Remplacer", "ar": "استبدال"},
    "find.replace_all": {"en": "Replace All", "fr": "Tout remplacer", "ar": "استبدال الكل"},
    "find.case": {"en": "Match case", "fr": "Respecter la casse", "ar": "مطابقة حالة الأحرف"},
    "find.all_languages": {"en": "All languages", "fr": "Toutes les langues", "ar": "كل اللغات"},
    "find.close": {"en": "Close the find bar", "fr": "Fermer la barre de recherche", "ar": "إغلاق شريط البحث"},
    "find.count": {"en": "{n} found", "fr": "{n} trouvé(s)", "ar": "عدد النتائج: {n}"},
    "find.replaced": {"en": "{n} replaced", "fr": "{n} remplacé(s)", "ar": "عدد الاستبدالات: {n}"},
    "undo.replace_all": {"en": "Replace all ({n})", "fr": "Tout remplacer ({n})", "ar": "استبدال الكل ({n})"},
    "undo.replace": {"en": "Replace “{what}”", "fr": "Remplacer « {what} »", "ar": "استبدال «{what}»"},
    "print.fallback": {"en": "LibreOffice is not installed: printing the preview's layout, which can differ from the exported pages.",
                       "fr": "LibreOffice n'est pas installé : impression de la mise en page de l'aperçu, qui peut différer des pages exportées.",
                       "ar": "LibreOffice غير مثبت: تُطبع تخطيطات المعاينة، وقد تختلف عن الصفحات المصدّرة."},
    "action.export_all_format": {"en": "Export All Languages as {name}…", "fr": "Exporter toutes les langues en {name}…",
                                 "ar": "تصدير كل اللغات بصيغة {name}…"},
    "action.export_format": {"en": "Export &{name}…", "fr": "Exporter en &{name}…", "ar": "تصدير &{name}…"},
    "action.close_window": {"en": "&Close", "fr": "&Fermer", "ar": "إ&غلاق"},
    "action.quit": {"en": "&Quit", "fr": "&Quitter", "ar": "&خروج"},
    "action.undo": {"en": "&Undo", "fr": "&Annuler", "ar": "&تراجع"},
    "action.redo": {"en": "&Redo", "fr": "&Rétablir", "ar": "إ&عادة"},
    "action.undo_named": {"en": "&Undo {what}", "fr": "&Annuler {what}", "ar": "&تراجع عن {what}"},
    "action.redo_named": {"en": "&Redo {what}", "fr": "&Rétablir {what}", "ar": "إ&عادة {what}"},
    "action.side_by_side": {"en": "&Side-by-side Languages", "fr": "Langues &côte à côte",
                            "ar": "اللغات &جنباً إلى جنب"},
    "action.findings": {"en": "&Findings Panel", "fr": "Panneau des &constats", "ar": "لوحة المل&احظات"},
    "action.next_finding": {"en": "&Next Finding", "fr": "Constat &suivant", "ar": "الملاحظة ال&تالية"},
    "action.apply_fix": {"en": "Apply &Fix", "fr": "Appliquer la &correction", "ar": "تطبيق الت&صحيح"},
    "action.recheck": {"en": "&Check Again", "fr": "&Vérifier à nouveau", "ar": "إعادة ال&تحقق"},
    "action.about": {"en": "&About Circular Studio", "fr": "À &propos de Circular Studio",
                     "ar": "&حول Circular Studio"},
    "action.check_letter": {"en": "Chec&k a Letter…", "fr": "&Vérifier une lettre…", "ar": "ال&تحقق من رسالة…"},
    "action.check_versions": {"en": "Check &Language Versions…", "fr": "Vérifier des &versions linguistiques…",
                              "ar": "التحقق من ال&نسخ اللغوية…"},
    "action.write_annotated": {"en": "Write &Annotated Copies…", "fr": "Écrire des copies &annotées…",
                               "ar": "كتابة نسخ م&شروحة…"},
    "check.versions.column": {"en": "{name} [{lang}]: {n} finding(s)", "fr": "{name} [{lang}] : {n} constat(s)",
                              "ar": "{name} [{lang}]: {n} ملاحظة"},
    "check.versions.same_language": {
        "en": "{first} and {second} are both in '{lang}': choose one file per language",
        "fr": "{first} et {second} sont tous deux en « {lang} » : choisissez un fichier par langue",
        "ar": "{first} و{second} كلاهما باللغة '{lang}': اختر ملفاً واحداً لكل لغة"},
    "annotated.saved": {"en": "Wrote {n} annotated copy(ies) (findings as Word comments) in {folder}",
                        "fr": "{n} copie(s) annotée(s) écrite(s) (constats en commentaires Word) dans {folder}",
                        "ar": "كُتبت {n} نسخة مشروحة (الملاحظات تعليقات في Word) في {folder}"},
    "annotated.skipped": {"en": "Not .docx, not copied: {names}.", "fr": "Pas en .docx, non copié(s) : {names}.",
                          "ar": "ليست بصيغة ‎.docx‎ ولم تُنسخ: {names}."},
    "annotated.none": {"en": "Annotated copies are written for .docx letters only.",
                       "fr": "Les copies annotées ne sont écrites que pour les lettres .docx.",
                       "ar": "لا تُكتب النسخ المشروحة إلا لرسائل ‎.docx‎."},
    "action.save_corrected": {"en": "Save Co&rrected Copy…", "fr": "Enregistrer une copie &corrigée…",
                              "ar": "حفظ نسخة م&صححة…"},
    "check.filter": {"en": "Letters (*.docx *.md *.txt);;All files (*)",
                     "fr": "Lettres (*.docx *.md *.txt);;Tous les fichiers (*)",
                     "ar": "رسائل (*.docx *.md *.txt);;كل الملفات (*)"},
    "check.error.title": {"en": "Cannot Check the Letter", "fr": "Impossible de vérifier la lettre",
                          "ar": "تعذر التحقق من الرسالة"},
    "check.read_only": {"en": "read-only", "fr": "lecture seule", "ar": "للقراءة فقط"},
    "check.banner": {"en": "Checking “{name}” as read from the file (read-only). Check Again (F5) reads it again from disk.",
                     "fr": "Vérification de « {name} » tel que lu dans le fichier (lecture seule). Vérifier à nouveau (F5) le relit sur le disque.",
                     "ar": "التحقق من «{name}» كما قُرئ من الملف (للقراءة فقط). «إعادة التحقق» (F5) يعيد قراءته من القرص."},
    "check.text_view": {"en": "The pages below are a text view of what was read, not the document's own layout: its page breaks can differ.",
                        "fr": "Les pages ci-dessous sont une vue du texte lu, non la mise en page du document : ses sauts de page peuvent différer.",
                        "ar": "الصفحات أدناه عرض نصي لما قُرئ، وليست تخطيط المستند نفسه: قد تختلف فواصل صفحاته."},
    "check.real_pages": {"en": "Show the Real Pages…", "fr": "Afficher les vraies pages…", "ar": "عرض الصفحات الحقيقية…"},
    "check.reloaded": {"en": "Read {name} again: {findings}", "fr": "{name} relu : {findings}",
                       "ar": "أعيدت قراءة {name}: {findings}"},
    "check.ignored": {"en": "{code} is ignored for this letter until it is closed.",
                      "fr": "{code} est ignoré pour cette lettre jusqu'à sa fermeture.",
                      "ar": "يُتجاهل {code} لهذه الرسالة حتى إغلاقها."},
    "corrected.title": {"en": "Save Corrected Copy", "fr": "Enregistrer une copie corrigée", "ar": "حفظ نسخة مصححة"},
    "corrected.choose": {"en": "Fixes to apply in the copy (the original file is not changed):",
                         "fr": "Corrections à appliquer dans la copie (le fichier d'origine n'est pas modifié) :",
                         "ar": "التصحيحات المطلوب تطبيقها في النسخة (لا يتغير الملف الأصلي):"},
    "corrected.none": {"en": "No finding in this letter has an automatic fix.",
                       "fr": "Aucun constat de cette lettre n'a de correction automatique.",
                       "ar": "لا توجد ملاحظة في هذه الرسالة لها تصحيح تلقائي."},
    "corrected.only_text": {"en": "A corrected copy can be saved for .md and .txt letters only.",
                            "fr": "Une copie corrigée ne peut être enregistrée que pour les lettres .md et .txt.",
                            "ar": "لا يمكن حفظ نسخة مصححة إلا لرسائل ‎.md‎ و‎.txt‎."},
    "corrected.saved": {"en": "Saved a corrected copy ({n} fixes): {path}",
                        "fr": "Copie corrigée enregistrée ({n} corrections) : {path}",
                        "ar": "حُفظت نسخة مصححة ({n} تصحيحات): {path}"},
    "corrected.skipped": {"en": "{n} fix(es) could not be placed in the file and were left out.",
                          "fr": "{n} correction(s) n'ont pas pu être placées dans le fichier et ont été omises.",
                          "ar": "تعذر وضع {n} تصحيح في الملف فتُركت."},
    "findings.disable": {"en": "Disable this check for this letter", "fr": "Désactiver cette vérification pour cette lettre",
                         "ar": "تعطيل هذا التحقق لهذه الرسالة"},
    "findings.copy": {"en": "Copy finding", "fr": "Copier le constat", "ar": "نسخ الملاحظة"},
    "findings.paragraph": {"en": "paragraph {n}", "fr": "paragraphe {n}", "ar": "الفقرة {n}"},
    "undo.disable": {"en": "disable check {code}", "fr": "désactivation de {code}", "ar": "تعطيل التحقق {code}"},
    "preview.pages": {"en": {"one": "{n} page", "other": "{n} pages"}, "fr": {"one": "{n} page", "other": "{n} pages"},
                      "ar": {"zero": "لا صفحات", "one": "صفحة واحدة", "two": "صفحتان", "few": "{n} صفحات",
                             "many": "{n} صفحةً", "other": "{n} صفحة"}},
    "preview.copy_text": {"en": "Copy the letter's text", "fr": "Copier le texte de la lettre", "ar": "نسخ نص الرسالة"},
    "tab.facts": {"en": "Facts", "fr": "Faits", "ar": "البيانات"},
    "form.facts.help": {"en": "Typed once, shared by every language version.",
                        "fr": "Saisis une fois, communs à toutes les versions linguistiques.",
                        "ar": "تُدخل مرة واحدة وتشترك فيها كل النسخ اللغوية."},
    "spell.add_word": {"en": "Add “{word}” to the house word list", "fr": "Ajouter « {word} » à la liste de mots maison",
                       "ar": "إضافة «{word}» إلى قائمة كلمات المنظمة"},
    "spell.no_suggestions": {"en": "(no suggestions)", "fr": "(aucune suggestion)", "ar": "(لا اقتراحات)"},
    "form.date_placeholder": {"en": "YYYY-MM-DD", "fr": "AAAA-MM-JJ", "ar": "YYYY-MM-DD"},
    "form.date_calendar": {"en": "Choose in a calendar", "fr": "Choisir dans un calendrier", "ar": "اختيار من التقويم"},
    "form.date_invalid": {"en": "“{text}” is not a date: write it as YYYY-MM-DD (e.g. 2027-03-12)",
                          "fr": "« {text} » n'est pas une date : écrivez-la AAAA-MM-JJ (p. ex. 2027-03-12)",
                          "ar": "«{text}» ليس تاريخًا: اكتبه بالشكل YYYY-MM-DD (مثل 2027-03-12)"},
    "form.empty_date": {"en": "(no date)", "fr": "(aucune date)", "ar": "(بدون تاريخ)"},
    "form.add": {"en": "Add", "fr": "Ajouter", "ar": "إضافة"},
    "form.remove": {"en": "Remove", "fr": "Supprimer", "ar": "حذف"},
    "form.up": {"en": "Move up", "fr": "Monter", "ar": "نقل لأعلى"},
    "form.down": {"en": "Move down", "fr": "Descendre", "ar": "نقل لأسفل"},
    "form.new_item": {"en": "New line", "fr": "Nouvelle ligne", "ar": "سطر جديد"},
    "form.invalid": {"en": "Not valid: {why}", "fr": "Non valide : {why}", "ar": "غير صالح: {why}"},
    "form.required": {"en": "Required", "fr": "Obligatoire", "ar": "إلزامي"},
    "form.required_note": {"en": "Fields marked * are required.", "fr": "Les champs marqués * sont obligatoires.",
                           "ar": "الحقول المعلَّمة بـ * إلزامية."},
    "form.no_signatory": {"en": "(choose a signatory)", "fr": "(choisir un signataire)",
                          "ar": "(اختر الموقّع)"},
    "form.not_in_office": {"en": "{name} (not in office on {day})", "fr": "{name} (pas en fonction le {day})",
                           "ar": "{name} (ليس في المنصب في {day})"},
    "form.none": {"en": "(none)", "fr": "(aucun)", "ar": "(لا شيء)"},
    "undo.edit": {"en": "edit {field}", "fr": "modification de {field}", "ar": "تعديل {field}"},
    "undo.fix": {"en": "fix {code}", "fr": "correction {code}", "ar": "تصحيح {code}"},
    "preview.building": {"en": "Building the letter…", "fr": "Construction de la lettre…",
                         "ar": "جارٍ إنشاء الرسالة…"},
    "findings.running": {"en": "Still checking the letter: the findings below may be out of date",
                         "fr": "Vérification de la lettre en cours: les constats ci-dessous peuvent être périmés",
                         "ar": "لا يزال فحص الرسالة جارياً: قد لا تكون الملاحظات أدناه محدّثة"},
    "preview.language": {"en": "Preview", "fr": "Aperçu", "ar": "معاينة"},
    "preview.second": {"en": "Beside", "fr": "À côté", "ar": "بجانب"},
    "preview.error": {"en": "The letter cannot be shown: {error}", "fr": "La lettre ne peut pas être affichée : {error}",
                      "ar": "تعذر عرض الرسالة: {error}"},
    "findings.title": {"en": "Findings", "fr": "Constats", "ar": "الملاحظات"},
    "findings.error": {"en": "Errors", "fr": "Erreurs", "ar": "أخطاء"},
    "findings.warning": {"en": "Warnings", "fr": "Avertissements", "ar": "تحذيرات"},
    "findings.info": {"en": "Information", "fr": "Informations", "ar": "معلومات"},
    "findings.none": {"en": "No findings: the letter passes every check.",
                      "fr": "Aucun constat : la lettre passe toutes les vérifications.",
                      "ar": "لا ملاحظات: الرسالة اجتازت كل عمليات التحقق."},
    "findings.fix": {"en": "Fix", "fr": "Corriger", "ar": "تصحيح"},
    "findings.choose_tip": {"en": "Choose the correction", "fr": "Choisir la correction", "ar": "اختر التصحيح"},
    "findings.fix_tip": {"en": "Replace with “{fix}”", "fr": "Remplacer par « {fix} »", "ar": "استبدال بـ «{fix}»"},
    "findings.summary": {"en": "{errors}, {warnings}", "fr": "{errors}, {warnings}", "ar": "{errors}، {warnings}"},
    "n.errors": {"en": {"one": "{n} error", "other": "{n} errors"}, "fr": {"one": "{n} erreur", "other": "{n} erreurs"},
                 "ar": {"zero": "لا أخطاء", "one": "خطأ واحد", "two": "خطآن", "few": "{n} أخطاء",
                        "many": "{n} خطأً", "other": "{n} خطأ"}},
    "n.warnings": {"en": {"one": "{n} warning", "other": "{n} warnings"},
                   "fr": {"one": "{n} avertissement", "other": "{n} avertissements"},
                   "ar": {"zero": "لا تحذيرات", "one": "تحذير واحد", "two": "تحذيران", "few": "{n} تحذيرات",
                          "many": "{n} تحذيرًا", "other": "{n} تحذير"}},
    "n.findings": {"en": {"one": "{n} finding", "other": "{n} findings"},
                   "fr": {"one": "{n} constat", "other": "{n} constats"},
                   "ar": {"zero": "لا ملاحظات", "one": "ملاحظة واحدة", "two": "ملاحظتان", "few": "{n} ملاحظات",
                          "many": "{n} ملاحظةً", "other": "{n} ملاحظة"}},
    "findings.cannot_fix": {"en": "This fix cannot be applied automatically: “{excerpt}” was not found in the field.",
                            "fr": "Cette correction ne peut pas être appliquée automatiquement : « {excerpt} » est introuvable dans le champ.",
                            "ar": "لا يمكن تطبيق هذا التصحيح تلقائياً: لم يُعثر على «{excerpt}» في الحقل."},
    "new.title": {"en": "New Letter", "fr": "Nouvelle lettre", "ar": "رسالة جديدة"},
    "new.type": {"en": "Letter type:", "fr": "Type de lettre :", "ar": "نوع الرسالة:"},
    "new.languages": {"en": "Languages:", "fr": "Langues :", "ar": "اللغات:"},
    "new.no_types": {"en": "No letter types were found in the templates folder.",
                     "fr": "Aucun type de lettre n'a été trouvé dans le dossier des modèles.",
                     "ar": "لم يُعثر على أي نوع رسائل في مجلد القوالب."},
    "new.need_language": {"en": "Choose at least one language.", "fr": "Choisissez au moins une langue.",
                          "ar": "اختر لغة واحدة على الأقل."},
    "untitled": {"en": "Untitled", "fr": "Sans titre", "ar": "بدون عنوان"},
    "unsaved.title": {"en": "Unsaved Changes", "fr": "Modifications non enregistrées", "ar": "تغييرات غير محفوظة"},
    "unsaved.text": {"en": "Save the changes to “{name}” before closing it?",
                     "fr": "Enregistrer les modifications de « {name} » avant de le fermer ?",
                     "ar": "هل تريد حفظ التغييرات في «{name}» قبل إغلاقه؟"},
    "open.filter": {"en": "Circular Studio drafts (*.json);;All files (*)",
                    "fr": "Brouillons Circular Studio (*.json);;Tous les fichiers (*)",
                    "ar": "مسودات Circular Studio (*.json);;كل الملفات (*)"},
    "open.error.title": {"en": "Cannot Open the Draft", "fr": "Impossible d'ouvrir le brouillon",
                         "ar": "تعذر فتح المسودة"},
    "save.error.title": {"en": "Cannot Save", "fr": "Impossible d'enregistrer", "ar": "تعذر الحفظ"},
    "save.error.text": {"en": "The draft could not be saved to {path}: {error}\nYour text is kept in the window and in the autosave; choose another folder with Save As.",
                        "fr": "Le brouillon n'a pas pu être enregistré dans {path} : {error}\nVotre texte reste dans la fenêtre et dans la sauvegarde automatique ; choisissez un autre dossier avec Enregistrer sous.",
                        "ar": "تعذر حفظ المسودة في {path}: {error}\nنصك محفوظ في النافذة وفي الحفظ التلقائي؛ اختر مجلداً آخر عبر «حفظ باسم»."},
    "saved": {"en": "Saved {path}", "fr": "Enregistré : {path}", "ar": "تم الحفظ: {path}"},
    "type.error": {"en": "This draft's letter type cannot be used: {error}",
                   "fr": "Le type de lettre de ce brouillon est inutilisable : {error}",
                   "ar": "لا يمكن استخدام نوع الرسالة في هذه المسودة: {error}"},
    "recover.title": {"en": "Recover Unsaved Work?", "fr": "Récupérer le travail non enregistré ?",
                      "ar": "استعادة العمل غير المحفوظ؟"},
    "recover.text": {"en": "Circular Studio did not close normally. A copy of “{name}” autosaved at {time} was found.\nRecover it?",
                     "fr": "Circular Studio ne s'est pas fermé normalement. Une copie de « {name} » sauvegardée automatiquement à {time} a été trouvée.\nLa récupérer ?",
                     "ar": "لم يُغلق Circular Studio بشكل طبيعي. عُثر على نسخة من «{name}» محفوظة تلقائياً في {time}.\nهل تريد استعادتها؟"},
    "recovered": {"en": "Recovered unsaved work from {time}. Save it to keep it.",
                  "fr": "Travail non enregistré récupéré ({time}). Enregistrez-le pour le conserver.",
                  "ar": "استُعيد العمل غير المحفوظ ({time}). احفظه للاحتفاظ به."},
    "export.all_title": {"en": "Export all languages as {name}", "fr": "Exporter toutes les langues en {name}",
                         "ar": "تصدير كل اللغات بصيغة {name}"},
    "export.errors_remain_all": {"en": "{n} error(s) remain in the letter. Export anyway?",
                                 "fr": "{n} erreur(s) subsistent dans la lettre. Exporter quand même ?",
                                 "ar": "لا يزال هناك {n} خطأ في الرسالة. هل تريد التصدير على أي حال؟"},
    "export.replace": {"en": "Replace {names}?", "fr": "Remplacer {names} ?", "ar": "هل تريد استبدال {names}؟"},
    "export.title": {"en": "Export {name}", "fr": "Exporter en {name}", "ar": "تصدير {name}"},
    "export.filter": {"en": "{name} files (*{suffix})", "fr": "Fichiers {name} (*{suffix})", "ar": "ملفات {name} (*{suffix})"},
    "export.errors_remain": {"en": "{n} error(s) remain in the {lang} letter. Export anyway?",
                             "fr": "{n} erreur(s) subsistent dans la lettre en {lang}. Exporter quand même ?",
                             "ar": "لا يزال هناك {n} خطأ في الرسالة ({lang}). هل تريد التصدير على أي حال؟"},
    "export.running": {"en": "Exporting {name}…", "fr": "Exportation de {name}…", "ar": "جارٍ تصدير {name}…"},
    "export.done": {"en": "Exported {path}", "fr": "Exporté : {path}", "ar": "تم التصدير: {path}"},
    "export.failed": {"en": "Export failed: {error}", "fr": "Échec de l'exportation : {error}",
                      "ar": "فشل التصدير: {error}"},
    "export.busy": {"en": "An export is already running.", "fr": "Une exportation est déjà en cours.",
                    "ar": "هناك عملية تصدير جارية بالفعل."},
    "export.open_file": {"en": "Open File", "fr": "Ouvrir le fichier", "ar": "فتح الملف"},
    "export.open_folder": {"en": "Open Folder", "fr": "Ouvrir le dossier", "ar": "فتح المجلد"},
    "bar.close": {"en": "Close message", "fr": "Fermer le message", "ar": "إغلاق الرسالة"},
    "status.ready": {"en": "Ready", "fr": "Prêt", "ar": "جاهز"},
    "status.welcome": {"en": "Create a letter with File › New, or open a draft.",
                       "fr": "Créez une lettre avec Fichier › Nouvelle lettre, ou ouvrez un brouillon.",
                       "ar": "أنشئ رسالة من ملف › رسالة جديدة، أو افتح مسودة."},
    "about.text": {"en": "Circular Studio {version}\nDraft, preview, check and export circular letters in Arabic, French and English.",
                   "fr": "Circular Studio {version}\nRédiger, prévisualiser, vérifier et exporter des lettres circulaires en arabe, français et anglais.",
                   "ar": "Circular Studio {version}\nصياغة الرسائل المعممة ومعاينتها والتحقق منها وتصديرها بالعربية والفرنسية والإنكليزية."},
    "language.restart": {"en": "Interface language set to English.", "fr": "Langue de l'interface : français.",
                         "ar": "لغة الواجهة: العربية."},
    "a11y.export_progress": {"en": "Export progress", "fr": "Progression de l'exportation",
                             "ar": "تقدم التصدير"},
    "a11y.form": {"en": "Letter form", "fr": "Formulaire de la lettre", "ar": "نموذج الرسالة"},
    "a11y.preview": {"en": "Letter preview ({lang})", "fr": "Aperçu de la lettre ({lang})", "ar": "معاينة الرسالة ({lang})"},
    "a11y.findings": {"en": "Findings of the checks", "fr": "Constats des vérifications", "ar": "ملاحظات التحقق"},
    "a11y.preview_language": {"en": "Preview language", "fr": "Langue de l'aperçu", "ar": "لغة المعاينة"},
    "a11y.second_language": {"en": "Second preview language", "fr": "Seconde langue d'aperçu",
                             "ar": "لغة المعاينة الثانية"},
}


def set_language(lang: str) -> None:
    global _current
    _current = lang if lang in LANGUAGES else "en"


def language() -> str:
    return _current


def tr(key: str, **kw) -> str:
    row = STRINGS.get(key, {})
    text = row.get(_current) or row.get("en") or key
    if isinstance(text, dict):  # a count: the plural form of the interface language
        return tr_n(key, kw.pop("n", 0), **kw)
    return text.format(**kw) if kw else text


def tr_n(key: str, n: int, **kw) -> str:
    """``key`` for the count ``n`` in the interface language's plural form, by CLDR's rules
    (babel): Arabic has six (zero, one, two, few, many, other), French counts 0 and 1 as one."""
    row = STRINGS.get(key, {})
    forms = row.get(_current) or row.get("en") or {}
    if isinstance(forms, str):
        return forms.format(n=n, **kw)
    form = Locale.parse(_current).plural_form(n)
    text = forms.get(form) or forms.get("other") or key
    return text.format(n=n, **kw)


def findings_summary(errors: int, warnings: int) -> str:
    """"2 errors, 1 warning" in the interface language."""
    return tr("findings.summary", errors=tr_n("n.errors", errors), warnings=tr_n("n.warnings", warnings))


def language_name(code: str) -> str:
    """A letter language's name in the interface language (from the language table)."""
    entry = _table.get(code)
    return entry.name(_current) if entry is not None else code


def plain(text: str) -> str:
    """A menu title without its '&' mnemonic, for messages and accessible names."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")
