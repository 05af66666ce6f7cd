// Debian ships no glpk.pc: this header brings GLPK's own into the CGLPK module.
#include <glpk.h>
