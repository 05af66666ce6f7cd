// glpk_shim.c: GLPK's fatal errors as return codes, and bulk building and reading (see
// glpk_shim.h for the rules; the branch-and-cut callback is in glpk_search.c).
#include "glpk_shim.h"
#include "guarded.h"
#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
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

int shim_is_verbose(void) { return shim_verbose; }

static _Thread_local int shim_claimed = 0;

int glpk_shim_claim_thread(void) {
    if (shim_claimed) return 0;
    shim_claimed = 1;
    return 1;
}

void glpk_shim_release_thread(void) {
    shim_claimed = 0;
    glp_free_env();
}

static void shim_error_hook(void *info) {
    (void)info;
    if (shim_jump != NULL) longjmp(*shim_jump, 1);
}

// Runs BODY with the error hook installed; on a fault, frees the environment and returns
// SHIM_FAULT. BODY is C only: a fault anywhere in it (the callback included) jumps to here.
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

static int bound_type(double lower, double upper) {
    int has_lower = isfinite(lower), has_upper = isfinite(upper);
    if (!has_lower && !has_upper) return GLP_FR;
    if (!has_upper) return GLP_LO;
    if (!has_lower) return GLP_UP;
    return lower == upper ? GLP_FX : GLP_DB;
}

static double finite_or_zero(double v) { return isfinite(v) ? v : 0.0; }

// Appends rows first..first+m-1 (1-based) of P from compressed 0-based arrays.
static void set_rows(glp_prob *P, int first, int m, const double lower[], const double upper[],
                     const int start[], const int index[], const double value[]) {
    int longest = 0;
    for (int i = 0; i < m; i++)
        if (start[i + 1] - start[i] > longest) longest = start[i + 1] - start[i];
    int *ind = malloc(sizeof(int) * (size_t)(longest + 1));
    double *val = malloc(sizeof(double) * (size_t)(longest + 1));
    if (ind == NULL || val == NULL) {
        free(ind);
        free(val);
        glp_error("glpk_shim: out of memory\n");
    }
    for (int i = 0; i < m; i++) {
        int row = first + i, len = start[i + 1] - start[i];
        glp_set_row_bnds(P, row, bound_type(lower[i], upper[i]), finite_or_zero(lower[i]),
                         finite_or_zero(upper[i]));
        for (int k = 0; k < len; k++) {
            ind[k + 1] = index[start[i] + k] + 1;
            val[k + 1] = value[start[i] + k];
        }
        glp_set_mat_row(P, row, len, ind, val);
    }
    free(ind);
    free(val);
}

static void build(glp_prob *P, int n, const double col_lower[], const double col_upper[],
                  const int integer[], const double cost[], double constant, int m,
                  const double row_lower[], const double row_upper[], const int start[],
                  const int index[], const double value[]) {
    glp_set_obj_dir(P, GLP_MIN);
    glp_set_obj_coef(P, 0, constant);
    if (n > 0) glp_add_cols(P, n);
    for (int j = 0; j < n; j++) {
        glp_set_col_kind(P, j + 1, integer[j] ? GLP_IV : GLP_CV);
        glp_set_col_bnds(P, j + 1, bound_type(col_lower[j], col_upper[j]),
                         finite_or_zero(col_lower[j]), finite_or_zero(col_upper[j]));
        glp_set_obj_coef(P, j + 1, cost[j]);
    }
    if (m > 0) {
        glp_add_rows(P, m);
        set_rows(P, 1, m, row_lower, row_upper, start, index, value);
    }
}

int glpk_shim_build(glp_prob *P, int n, const double col_lower[], const double col_upper[],
                    const int integer[], const double cost[], double constant, int m,
                    const double row_lower[], const double row_upper[], const int start[],
                    const int index[], const double value[]) {
    SHIM_GUARDED(build(P, n, col_lower, col_upper, integer, cost, constant, m, row_lower, row_upper,
                       start, index, value));
}

static void add_rows(glp_prob *P, int m, const double lower[], const double upper[],
                     const int start[], const int index[], const double value[]) {
    if (m <= 0) return;
    int first = glp_add_rows(P, m);
    set_rows(P, first, m, lower, upper, start, index, value);
}

int glpk_shim_add_rows(glp_prob *P, int m, const double row_lower[], const double row_upper[],
                       const int start[], const int index[], const double value[]) {
    SHIM_GUARDED(add_rows(P, m, row_lower, row_upper, start, index, value));
}

static void set_names(glp_prob *P, const char *name, int n, const char *const col_names[], int m,
                      const char *const row_names[]) {
    glp_set_prob_name(P, name);
    for (int j = 0; j < n; j++) glp_set_col_name(P, j + 1, col_names[j]);
    for (int i = 0; i < m; i++) glp_set_row_name(P, i + 1, row_names[i]);
}

int glpk_shim_set_names(glp_prob *P, const char *name, int n, const char *const col_names[], int m,
                        const char *const row_names[]) {
    SHIM_GUARDED(set_names(P, name, n, col_names, m, row_names));
}

static void warm_start(glp_prob *P, const int row_status[], const int col_status[], int *warm,
                       int *dual_status) {
    int m = glp_get_num_rows(P), n = glp_get_num_cols(P);
    for (int i = 0; i < m; i++) glp_set_row_stat(P, i + 1, row_status[i]);
    for (int j = 0; j < n; j++) glp_set_col_stat(P, j + 1, col_status[j]);
    *warm = glp_warm_up(P);
    *dual_status = *warm == 0 ? glp_get_dual_stat(P) : GLP_UNDEF;
}

int glpk_shim_warm_start(glp_prob *P, const int row_status[], const int col_status[], int *warm,
                         int *dual_status) {
    SHIM_GUARDED(warm_start(P, row_status, col_status, warm, dual_status));
}

int glpk_shim_simplex(glp_prob *P, const glp_smcp *parm, int *ret) {
    SHIM_GUARDED(*ret = glp_simplex(P, parm));
}

static void column_values(glp_prob *P, int n, int mip, double out[]) {
    for (int j = 0; j < n; j++) out[j] = mip ? glp_mip_col_val(P, j + 1) : glp_get_col_prim(P, j + 1);
}

int glpk_shim_column_values(glp_prob *P, int n, int mip, double out[]) {
    SHIM_GUARDED(column_values(P, n, mip, out));
}

static void row_values(glp_prob *P, int m, double out[]) {
    for (int i = 0; i < m; i++) out[i] = glp_get_row_prim(P, i + 1);
}

int glpk_shim_row_values(glp_prob *P, int m, double out[]) { SHIM_GUARDED(row_values(P, m, out)); }

static void row_duals(glp_prob *P, int m, double out[]) {
    for (int i = 0; i < m; i++) out[i] = glp_get_row_dual(P, i + 1);
}

int glpk_shim_row_duals(glp_prob *P, int m, double out[]) { SHIM_GUARDED(row_duals(P, m, out)); }

static void column_statuses(glp_prob *P, int n, int out[]) {
    for (int j = 0; j < n; j++) out[j] = glp_get_col_stat(P, j + 1);
}

int glpk_shim_column_statuses(glp_prob *P, int n, int out[]) { SHIM_GUARDED(column_statuses(P, n, out)); }

static void set_column_bounds(glp_prob *P, int count, const int index[], const double lower[],
                              const double upper[]) {
    for (int k = 0; k < count; k++) {
        glp_set_col_bnds(P, index[k] + 1, bound_type(lower[k], upper[k]), finite_or_zero(lower[k]),
                         finite_or_zero(upper[k]));
    }
}

int glpk_shim_set_column_bounds(glp_prob *P, int count, const int index[], const double lower[],
                                const double upper[]) {
    SHIM_GUARDED(set_column_bounds(P, count, index, lower, upper));
}

int shim_guarded_call(void (*body)(void *context), void *context) { SHIM_GUARDED(body(context)); }

int glpk_shim_write(glp_prob *P, int format, const char *path, int *ret) {
    SHIM_GUARDED(*ret = (format == 0) ? glp_write_mps(P, GLP_MPS_FILE, NULL, path)
                                      : glp_write_lp(P, NULL, path));
}

int glpk_shim_provoke_fault(void) {
    SHIM_GUARDED(glp_error("glpk_shim: fault provoked on purpose\n"));
}

static void provoke(glp_prob *P, int call) {
    switch (call) {
    case 1: glp_set_col_bnds(P, glp_get_num_cols(P) + 1, GLP_LO, 0, 0); break;
    case 2: glp_add_rows(P, -1); break;
    default: glp_error("glpk_shim: unknown fault %d\n", call);
    }
}

int glpk_shim_provoke(glp_prob *P, int call) { SHIM_GUARDED(provoke(P, call)); }
