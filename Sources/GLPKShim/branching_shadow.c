// branching_shadow.c: the brancher's shadow problem, built for each node, and the trials of
// branches on it (see branching.h).
//
// The shadow has the node's rows (cuts included), bounds and basis, and its columns except the
// coldest: the 80% of columns at zero with the largest reduced costs, which a branch's few dual
// simplex iterations leave there anyway. Every `glp_simplex` call pays a set-up in proportion to
// the problem's size, and trials are almost nothing else (national 5,000: about 14 ms a call on
// the shadow against 34 ms on the whole problem), so a smaller problem makes trials cheaper.
#include "branching_state.h"
#include <float.h>
#include <math.h>
#include <stdlib.h>

static int by_value(const void *x, const void *y) {
    double a = *(const double *)x, c = *(const double *)y;
    return a < c ? -1 : a > c;
}

/// Column j is non-basic at a lower bound of zero in the node's basis.
static int at_zero(glp_prob *P, int j) {
    return glp_get_col_stat(P, j) == GLP_NL && glp_get_col_lb(P, j) == 0.0;
}

/// The reduced cost above which a column at zero is left out of the shadow (the `COLD_SHARE`
/// largest); INFINITY when none is.
#define COLD_SHARE 0.8
static double cold_threshold(shim_brancher *b, glp_prob *P) {
    int count = 0;
    for (int j = 1; j <= b->n; j++) {
        if (at_zero(P, j)) b->reduced[count++] = glp_get_col_dual(P, j);
    }
    if (count == 0) return INFINITY;
    qsort(b->reduced, (size_t)count, sizeof(double), by_value);
    double cut = b->reduced[(int)((1.0 - COLD_SHARE) * count)];
    return cut > 0.0 ? cut : INFINITY;
}

/// Room for m rows in the scratch arrays; 0 when out of memory.
static int make_room(shim_brancher *b, int m) {
    if (m + 1 <= b->row_capacity) return 1;
    int *stat = realloc(b->row_stat, sizeof(int) * (size_t)(m + 1));
    if (stat != NULL) b->row_stat = stat;
    int *ind = realloc(b->cind, sizeof(int) * (size_t)(m + 1));
    if (ind != NULL) b->cind = ind;
    double *val = realloc(b->cval, sizeof(double) * (size_t)(m + 1));
    if (val != NULL) b->cval = val;
    if (stat == NULL || ind == NULL || val == NULL) return 0;
    b->row_capacity = m + 1;
    return 1;
}

static void copy_rows(shim_brancher *b, glp_prob *P, glp_prob *S, int m) {
    if (m > 0) glp_add_rows(S, m);
    for (int i = 1; i <= m; i++) {
        glp_set_row_bnds(S, i, glp_get_row_type(P, i), glp_get_row_lb(P, i), glp_get_row_ub(P, i));
        b->row_stat[i] = glp_get_row_stat(P, i);
    }
}

/// Chooses the shadow's columns (all but the coldest) and copies them, matrix included.
static void copy_columns(shim_brancher *b, glp_prob *P, glp_prob *S) {
    double cut = cold_threshold(b, P);
    b->kept = 0;
    for (int j = 1; j <= b->n; j++) {
        int cold = at_zero(P, j) && glp_get_col_dual(P, j) > cut;
        b->column_of[j] = cold ? 0 : ++b->kept;
        if (!cold) b->source[b->kept] = j;
    }
    if (b->kept > 0) glp_add_cols(S, b->kept);
    for (int q = 1; q <= b->kept; q++) {
        int j = b->source[q];
        glp_set_col_bnds(S, q, glp_get_col_type(P, j), glp_get_col_lb(P, j), glp_get_col_ub(P, j));
        glp_set_obj_coef(S, q, glp_get_obj_coef(P, j));
        if (glp_get_col_kind(P, j) != GLP_CV) glp_set_col_kind(S, q, GLP_IV);  // the tableau bound reads it
        int len = glp_get_mat_col(P, j, b->cind, b->cval);
        glp_set_mat_col(S, q, len, b->cind, b->cval);
        b->col_stat[q] = glp_get_col_stat(P, j);
    }
}

int shim_shadow_sync(shim_brancher *b, glp_tree *T) {
    glp_prob *P = glp_ios_get_prob(T);
    int m = glp_get_num_rows(P);
    if (!make_room(b, m)) return 0;
    shim_brancher_drop_shadow(b, 1);
    b->shadow = glp_create_prob();
    glp_set_obj_dir(b->shadow, glp_get_obj_dir(P));
    glp_set_obj_coef(b->shadow, 0, glp_get_obj_coef(P, 0));
    copy_rows(b, P, b->shadow, m);
    copy_columns(b, P, b->shadow);
    return 1;
}

static void node_basis(shim_brancher *b, glp_prob *S) {
    int m = glp_get_num_rows(S);
    for (int i = 1; i <= m; i++) glp_set_row_stat(S, i, b->row_stat[i]);
    for (int k = 1; k <= b->kept; k++) glp_set_col_stat(S, k, b->col_stat[k]);
}

int shim_shadow_warm(shim_brancher *b) {
    node_basis(b, b->shadow);
    return glp_warm_up(b->shadow) == 0 && glp_get_dual_stat(b->shadow) == GLP_FEAS;
}

/// GLPK's eval_degrad reading of a trial on S from the node's objective z: DBL_MAX when the
/// branch is infeasible, the objective's rise when the basis is dual feasible, else 0.
static double reading(glp_prob *S, int ret, double z) {
    if (ret != 0 && ret != GLP_EITLIM) return 0.0;
    if (glp_get_prim_stat(S) == GLP_NOFEAS) return DBL_MAX;
    if (glp_get_dual_stat(S) != GLP_FEAS) return 0.0;
    double degrad = glp_get_obj_val(S) - z;
    return degrad < 1e-6 * (1.0 + 0.001 * fabs(z)) ? 0.0 : degrad;
}

/// At most 30 dual simplex iterations on S with column q fixed at `value`.
static int try_branch(glp_prob *S, int q, double value) {
    glp_set_col_bnds(S, q, GLP_FX, value, value);
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.meth = GLP_DUAL;
    parm.it_lim = 30;
    parm.presolve = GLP_OFF;
    return glp_simplex(S, &parm);
}

/// A branch the shadow finds infeasible may not be (the columns left out could make it
/// feasible): tried again on a copy of the whole node, as GLPK's eval_degrad tries every branch.
static double on_whole_node(glp_prob *P, int j, double value) {
    glp_prob *C = glp_create_prob();
    glp_copy_prob(C, P, GLP_OFF);
    double d = reading(C, try_branch(C, j, value), glp_get_obj_val(P));
    glp_delete_prob(C);
    return d;
}

double shim_shadow_degradation(shim_brancher *b, glp_prob *P, int j, double value) {
    glp_prob *S = b->shadow;
    int q = b->column_of[j];
    if (q == 0) return 0.0;  // a candidate is basic, so never left out; nothing to say otherwise
    node_basis(b, S);
    if (b->fault_in_trial) glp_set_col_bnds(S, b->kept + 1, GLP_FX, 0, 0);
    double d = reading(S, try_branch(S, q, value), glp_get_obj_val(P));
    glp_set_col_bnds(S, q, glp_get_col_type(P, j), glp_get_col_lb(P, j), glp_get_col_ub(P, j));
    b->trials++;
    if (d == DBL_MAX && b->kept < b->n) {
        b->retries++;
        d = on_whole_node(P, j, value);
    }
    return d;
}
