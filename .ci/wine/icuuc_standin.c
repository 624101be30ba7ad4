/* Test-only stand-in for Windows' icuuc.dll, which Windows 10 1903+ has and Wine 8 lacks.
 * Qt 6.10+ imports these ucnv_* functions for legacy text codecs; here every converter open
 * fails, so Qt falls back to its built-in codecs. Placed only in the Wine prefix used for the
 * build and self-test (never shipped with the product). */
#include <stddef.h>
#define EXPORT __declspec(dllexport)
typedef int UErrorCode;
typedef void UConverter;
enum { U_FILE_ACCESS_ERROR = 4 };

EXPORT UConverter *ucnv_open(const char *name, UErrorCode *err) { (void)name; if (err) *err = U_FILE_ACCESS_ERROR; return NULL; }
EXPORT void ucnv_close(UConverter *c) { (void)c; }
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(void) {}
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(void) {}
EXPORT void ucnv_reset(UConverter *c) { (void)c; }
EXPORT signed char ucnv_getMaxCharSize(const UConverter *c) { (void)c; return 1; }
EXPORT const char *ucnv_getName(const UConverter *c, UErrorCode *err) { (void)c; if (err) *err = U_FILE_ACCESS_ERROR; return NULL; }
EXPORT void ucnv_getToUCallBack(const UConverter *c, void **a, const void **b) { (void)c; if (a) *a = NULL; if (b) *b = NULL; }
EXPORT void ucnv_getFromUCallBack(const UConverter *c, void **a, const void **b) { (void)c; if (a) *a = NULL; if (b) *b = NULL; }
EXPORT void ucnv_setToUCallBack(UConverter *c, void *n, const void *nc, void **o, const void **oc, UErrorCode *err) { (void)c; (void)n; (void)nc; (void)o; (void)oc; if (err) *err = U_FILE_ACCESS_ERROR; }
EXPORT void ucnv_setFromUCallBack(UConverter *c, void *n, const void *nc, void **o, const void **oc, UErrorCode *err) { (void)c; (void)n; (void)nc; (void)o; (void)oc; if (err) *err = U_FILE_ACCESS_ERROR; }
EXPORT void ucnv_cbToUWriteUChars(void *a, const void *s, int l, int o, UErrorCode *err) { (void)a; (void)s; (void)l; (void)o; if (err) *err = U_FILE_ACCESS_ERROR; }
EXPORT void ucnv_cbFromUWriteUChars(void *a, const void **s, const void *e, int o, UErrorCode *err) { (void)a; (void)s; (void)e; (void)o; if (err) *err = U_FILE_ACCESS_ERROR; }
EXPORT void ucnv_toUnicode(UConverter *c, void **t, const void *tl, const char **s, const char *sl, int *o, signed char f, UErrorCode *err) { (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)f; if (err) *err = U_FILE_ACCESS_ERROR; }
EXPORT void ucnv_fromUnicode(UConverter *c, char **t, const char *tl, const void **s, const void *sl, int *o, signed char f, UErrorCode *err) { (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)f; if (err) *err = U_FILE_ACCESS_ERROR; }
EXPORT int ucnv_toUCountPending(const UConverter *c, UErrorCode *err) { (void)c; if (err) *err = U_FILE_ACCESS_ERROR; return 0; }
EXPORT int ucnv_fromUCountPending(const UConverter *c, UErrorCode *err) { (void)c; if (err) *err = U_FILE_ACCESS_ERROR; return 0; }
EXPORT const char *ucnv_getStandardName(const char *n, const char *s, UErrorCode *err) { (void)n; (void)s; if (err) *err = U_FILE_ACCESS_ERROR; return NULL; }
EXPORT const char *ucnv_getAvailableName(int n) { (void)n; return NULL; }
EXPORT int ucnv_countAvailable(void) { return 0; }
EXPORT unsigned short ucnv_countAliases(const char *a, UErrorCode *err) { (void)a; if (err) *err = U_FILE_ACCESS_ERROR; return 0; }
