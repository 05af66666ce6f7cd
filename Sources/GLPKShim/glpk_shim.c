// glpk_shim.c: turns GLPK's fatal errors into return codes (see glpk_shim.h).
#include "glpk_shim.h"
#include <setjmp.h>
#include <stdio.h>
#include <string.h>

static _Thread_local jmp_buf *shim_jump = NULL;
static _Thread_local char shim_log[4096];
static _Thread_local size_t shim_log_len = 0;
static _Thread_local char shim_error[4096];
static _Thread_local int shim_verbose = 0;

static int shim_term_hook(void *info, const char *s) {
    (void)info;
    if (shim_verbose) {
        fputs(s, stderr);
    }
    size_t n = strlen(s);
    if (n >= sizeof shim_log) {
        s += n - (sizeof shim_log - 1);
        n = sizeof shim_log - 1;
    }
    if (shim_log_len + n >= sizeof shim_log) {
        // Keep the tail: drop the oldest half.
        size_t keep = shim_log_len / 2;
        memmove(shim_log, shim_log + shim_log_len - keep, keep);
        shim_log_len = keep;
        if (shim_log_len + n >= sizeof shim_log) shim_log_len = 0;
    }
    memcpy(shim_log + shim_log_len, s, n);
    shim_log_len += n;
    shim_log[shim_log_len] = '\0';
    return 1; // 1: GLPK must not print the text itself
}

void glpk_shim_capture_output(int verbose) {
    shim_verbose = verbose;
    glp_term_hook(shim_term_hook, NULL);
}

const char *glpk_shim_last_error(void) { return shim_error; }

static void shim_error_hook(void *info) {
    (void)info;
    if (shim_jump != NULL) longjmp(*shim_jump, 1);
}

// Runs BODY with the error hook installed; on a fault, frees the environment and returns SHIM_FAULT.
#define SHIM_GUARDED(BODY)                                                   \
    do {                                                                     \
        jmp_buf env;                                                         \
        jmp_buf *saved = shim_jump;                                          \
        shim_log_len = 0; shim_log[0] = '\0';                                \
        glp_term_hook(shim_term_hook, NULL);                                 \
        if (setjmp(env)) {                                                   \
            shim_jump = saved;                                               \
            snprintf(shim_error, sizeof shim_error, "%s", shim_log);         \
            glp_free_env();                                                  \
            return SHIM_FAULT;                                               \
        }                                                                    \
        shim_jump = &env;                                                    \
        glp_error_hook(shim_error_hook, NULL);                               \
        BODY;                                                                \
        glp_error_hook(NULL, NULL);                                          \
        shim_jump = saved;                                                   \
        shim_error[0] = '\0';                                                \
        return SHIM_OK;                                                      \
    } while (0)

int glpk_shim_load_matrix(glp_prob *P, int ne, const int ia[], const int ja[], const double ar[]) {
    SHIM_GUARDED(glp_load_matrix(P, ne, ia, ja, ar));
}

int glpk_shim_simplex(glp_prob *P, const glp_smcp *parm, int *ret) {
    SHIM_GUARDED(*ret = glp_simplex(P, parm));
}

int glpk_shim_intopt(glp_prob *P, const glp_iocp *parm, int *ret) {
    SHIM_GUARDED(*ret = glp_intopt(P, parm));
}

int glpk_shim_write(glp_prob *P, int format, const char *path, int *ret) {
    SHIM_GUARDED(*ret = (format == 0) ? glp_write_mps(P, GLP_MPS_FILE, NULL, path)
                                      : glp_write_lp(P, NULL, path));
}

int glpk_shim_provoke_fault(void) {
    SHIM_GUARDED(glp_error("glpk_shim: fault provoked on purpose\n"));
}
