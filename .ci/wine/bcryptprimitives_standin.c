/* Test-only stand-in for Windows' bcryptprimitives.dll (Windows 10 and later), which Wine 8
 * lacks. Rust's standard library (rpds-py, under jsonschema) imports ProcessPrng from it; without
 * the DLL the import of jsonschema fails under Wine. Here ProcessPrng fills the buffer from
 * RtlGenRandom (advapi32's SystemFunction036), as Windows' own does from its system RNG. Placed
 * only in the Wine prefix used for the build and the tests (never shipped with the product). */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length) {
        ULONG n = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, n)) return FALSE;
        data += n;
        length -= n;
    }
    return TRUE;
}
