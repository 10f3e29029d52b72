"""Interface strings in English, French and Arabic: a dict, no Qt Linguist toolchain.

``tr("key", **kw)`` looks the key up in the current interface language, falls back to English,
then to the key itself, and formats it with ``kw``. The interface language is process-wide
(``set_language``); the main window retranslates itself when it changes.
"""
from __future__ import annotations

LANGUAGES = {"en": "English", "fr": "Français", "ar": "العربية"}
LETTER_LANGUAGES = {"en": {"en": "English", "fr": "French", "ar": "Arabic"},
                    "fr": {"en": "Anglais", "fr": "Français", "ar": "Arabe"},
                    "ar": {"en": "الإنكليزية", "fr": "الفرنسية", "ar": "العربية"}}

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
    "menu.recent.empty": {"en": "(no recent files)", "fr": "(aucun fichier récent)", "ar": "(لا توجد ملفات)"},
    "menu.interface_language": {"en": "Interface &language", "fr": "&Langue de l'interface",
                                "ar": "&لغة الواجهة"},
    "action.new": {"en": "&New Letter…", "fr": "&Nouvelle lettre…", "ar": "رسالة &جديدة…"},
    "action.open": {"en": "&Open…", "fr": "&Ouvrir…", "ar": "&فتح…"},
    "action.save": {"en": "&Save", "fr": "&Enregistrer", "ar": "&حفظ"},
    "action.save_as": {"en": "Save &As…", "fr": "Enregistrer &sous…", "ar": "حفظ &باسم…"},
    "action.export_docx": {"en": "Export &DOCX…", "fr": "Exporter en &DOCX…", "ar": "تصدير &DOCX…"},
    "action.export_pdf": {"en": "Export &PDF…", "fr": "Exporter en &PDF…", "ar": "تصدير &PDF…"},
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
    "tab.facts": {"en": "Facts", "fr": "Faits", "ar": "البيانات"},
    "form.facts.help": {"en": "Typed once, shared by every language version.",
                        "fr": "Saisis une fois, communs à toutes les versions linguistiques.",
                        "ar": "تُدخل مرة واحدة وتشترك فيها كل النسخ اللغوية."},
    "form.empty_date": {"en": "(no date)", "fr": "(aucune date)", "ar": "(بدون تاريخ)"},
    "form.add": {"en": "Add", "fr": "Ajouter", "ar": "إضافة"},
    "form.remove": {"en": "Remove", "fr": "Supprimer", "ar": "حذف"},
    "form.up": {"en": "Move up", "fr": "Monter", "ar": "نقل لأعلى"},
    "form.down": {"en": "Move down", "fr": "Descendre", "ar": "نقل لأسفل"},
    "form.new_item": {"en": "New line", "fr": "Nouvelle ligne", "ar": "سطر جديد"},
    "form.invalid": {"en": "Not valid: {why}", "fr": "Non valide : {why}", "ar": "غير صالح: {why}"},
    "form.required": {"en": "Required", "fr": "Obligatoire", "ar": "إلزامي"},
    "form.no_signatory": {"en": "(choose a signatory)", "fr": "(choisir un signataire)",
                          "ar": "(اختر الموقّع)"},
    "form.not_in_office": {"en": "{name} (not in office on {day})", "fr": "{name} (pas en fonction le {day})",
                           "ar": "{name} (ليس في المنصب في {day})"},
    "form.none": {"en": "(none)", "fr": "(aucun)", "ar": "(لا شيء)"},
    "undo.edit": {"en": "edit {field}", "fr": "modification de {field}", "ar": "تعديل {field}"},
    "undo.fix": {"en": "fix {code}", "fr": "correction {code}", "ar": "تصحيح {code}"},
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
    "findings.fix_tip": {"en": "Replace with “{fix}”", "fr": "Remplacer par « {fix} »", "ar": "استبدال بـ «{fix}»"},
    "findings.summary": {"en": "{errors} errors, {warnings} warnings", "fr": "{errors} erreurs, {warnings} avertissements",
                         "ar": "{errors} أخطاء، {warnings} تحذيرات"},
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
    "export.title.docx": {"en": "Export DOCX", "fr": "Exporter en DOCX", "ar": "تصدير DOCX"},
    "export.title.pdf": {"en": "Export PDF", "fr": "Exporter en PDF", "ar": "تصدير PDF"},
    "export.filter.docx": {"en": "Word documents (*.docx)", "fr": "Documents Word (*.docx)", "ar": "مستندات Word (*.docx)"},
    "export.filter.pdf": {"en": "PDF documents (*.pdf)", "fr": "Documents PDF (*.pdf)", "ar": "مستندات PDF (*.pdf)"},
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
    return text.format(**kw) if kw else text


def language_name(code: str) -> str:
    """A letter language's name in the interface language."""
    return LETTER_LANGUAGES.get(_current, LETTER_LANGUAGES["en"]).get(code, code)


def plain(text: str) -> str:
    """A menu title without its '&' mnemonic, for messages and accessible names."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")
