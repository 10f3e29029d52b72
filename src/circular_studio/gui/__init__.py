"""The PySide6 editor: main window, schema-generated form, page preview, findings panel."""
