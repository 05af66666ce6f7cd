// branching_shadow.c: the brancher's shadow problem, kept in step with the node, and the trials
// of branches on it (see branching.h).
#include "branching_state.h"
#include <float.h>
#include <math.h>
#include <stdlib.h>

static void copy_row(shim_brancher *b, glp_prob *P, int from, int to) {
    int len = glp_get_mat_row(P, from, b->ind, b->val);
    glp_set_row_bnds(b->shadow, to, glp_get_row_type(P, from), glp_get_row_lb(P, from),
                     glp_get_row_ub(P, from));
    glp_set_mat_row(b->shadow, to, len, b->ind, b->val);
}

/// Makes the shadow's rows the node's: its leading rows are the model's, the rest are cuts,
/// which change from node to node.
static void sync_rows(shim_brancher *b, glp_tree *T, glp_prob *P) {
    int m = glp_get_num_rows(P);
    if (b->shadow == NULL) {
        b->shadow = glp_create_prob();
        glp_copy_prob(b->shadow, P, GLP_OFF);
        glp_attr attr;
        b->base_rows = 0;
        while (b->base_rows < m) {
            glp_ios_row_attr(T, b->base_rows + 1, &attr);
            if (attr.origin == GLP_RF_CUT) break;
            b->base_rows++;
        }
    }
    // The shadow never had more rows than the largest node so far: row_stat holds their numbers.
    int extra = glp_get_num_rows(b->shadow) - b->base_rows;
    if (extra > 0) {
        for (int k = 1; k <= extra; k++) b->row_stat[k] = b->base_rows + k;
        glp_del_rows(b->shadow, extra, b->row_stat);
    }
    if (m > b->base_rows) {
        glp_add_rows(b->shadow, m - b->base_rows);
        for (int i = b->base_rows + 1; i <= m; i++) copy_row(b, P, i, i);
    }
}

static int by_value(const void *x, const void *y) {
    double a = *(const double *)x, c = *(const double *)y;
    return a < c ? -1 : a > c;
}

/// A column at zero whose reduced cost is among the largest stays there in a branch's few dual
/// simplex iterations; fixed there in the shadow, GLPK's simplex leaves it out of its working
/// problem, which makes each trial cheaper. Returns the reduced cost above which columns at zero
/// are held there (the `COLD_SHARE` largest).
#define COLD_SHARE 0.8
static double cold_threshold(shim_brancher *b, glp_prob *P) {
    int count = 0;
    for (int j = 1; j <= b->n; j++) {
        if (glp_get_col_stat(P, j) == GLP_NL && glp_get_col_lb(P, j) == 0.0)
            b->reduced[count++] = glp_get_col_dual(P, j);
    }
    if (count == 0) return INFINITY;
    qsort(b->reduced, (size_t)count, sizeof(double), by_value);
    double cut = b->reduced[(int)((1.0 - COLD_SHARE) * count)];
    return cut > 0.0 ? cut : INFINITY;
}

static void sync_bounds(shim_brancher *b, glp_prob *P) {
    double cut = cold_threshold(b, P);
    b->held_count = 0;
    for (int j = 1; j <= b->n; j++) {
        int type = glp_get_col_type(P, j);
        double lb = glp_get_col_lb(P, j), ub = glp_get_col_ub(P, j);
        if (glp_get_col_stat(P, j) == GLP_NL && lb == 0.0 && glp_get_col_dual(P, j) > cut) {
            type = GLP_FX, ub = 0.0;
            b->held[b->held_count++] = j;
        }
        if (type != glp_get_col_type(b->shadow, j) || lb != glp_get_col_lb(b->shadow, j) ||
            ub != glp_get_col_ub(b->shadow, j))
            glp_set_col_bnds(b->shadow, j, type, lb, ub);
    }
}

/// Brings the shadow in step with the node; returns 0 when out of memory.
int shim_shadow_sync(shim_brancher *b, glp_tree *T) {
    glp_prob *P = glp_ios_get_prob(T);
    int m = glp_get_num_rows(P);
    if (m + 1 > b->row_capacity) {
        int *grown = realloc(b->row_stat, sizeof(int) * (size_t)(m + 1));
        if (grown == NULL) return 0;
        b->row_stat = grown;
        b->row_capacity = m + 1;
    }
    sync_rows(b, T, P);
    sync_bounds(b, P);
    for (int i = 1; i <= m; i++) b->row_stat[i] = glp_get_row_stat(P, i);
    for (int j = 1; j <= b->n; j++) b->col_stat[j] = glp_get_col_stat(P, j);
    return 1;
}

/// Gives column j of the shadow S the bounds it has in the node's problem P.
static void node_bounds(glp_prob *S, glp_prob *P, int j) {
    glp_set_col_bnds(S, j, glp_get_col_type(P, j), glp_get_col_lb(P, j), glp_get_col_ub(P, j));
}

/// The objective's degradation when column j is fixed at `value`, from at most 30 dual simplex
/// iterations on the shadow started from the node's basis, read as GLPK's eval_degrad reads them
/// (DBL_MAX when the branch is infeasible, 0 when nothing can be said). With columns held at
/// zero the shadow is a restriction of the node: an estimate, no longer a bound.
static double trial(shim_brancher *b, glp_prob *P, int j, double value) {
    glp_prob *S = b->shadow;
    int m = glp_get_num_rows(S);
    for (int i = 1; i <= m; i++) glp_set_row_stat(S, i, b->row_stat[i]);
    for (int k = 1; k <= b->n; k++) glp_set_col_stat(S, k, b->col_stat[k]);
    glp_set_col_bnds(S, j, GLP_FX, value, value);
    if (b->fault_in_trial) glp_set_col_bnds(S, glp_get_num_cols(S) + 1, GLP_FX, 0, 0);
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.meth = GLP_DUAL;
    parm.it_lim = 30;
    parm.presolve = GLP_OFF;
    int ret = glp_simplex(S, &parm);
    b->trials++;
    double degrad = 0.0, z = glp_get_obj_val(P);
    if (ret == 0 || ret == GLP_EITLIM) {
        if (glp_get_prim_stat(S) == GLP_NOFEAS) {
            degrad = DBL_MAX;
        } else if (glp_get_dual_stat(S) == GLP_FEAS) {
            degrad = glp_get_obj_val(S) - z;
            if (degrad < 1e-6 * (1.0 + 0.001 * fabs(z))) degrad = 0.0;
        }
    }
    node_bounds(S, P, j);
    return degrad;
}

/// Gives the held columns their node's bounds back (`release` non-zero), or holds them again.
static void hold(shim_brancher *b, glp_prob *P, int release) {
    for (int k = 0; k < b->held_count; k++) {
        int j = b->held[k];
        if (release) node_bounds(b->shadow, P, j);
        else glp_set_col_bnds(b->shadow, j, GLP_FX, 0.0, 0.0);
    }
}

/// A trial; a branch found infeasible with columns held is tried again with all of them, since
/// only the whole node can say that it is.
double shim_shadow_degradation(shim_brancher *b, glp_prob *P, int j, double value) {
    double d = trial(b, P, j, value);
    if (d != DBL_MAX || b->held_count == 0) return d;
    hold(b, P, 1);
    d = trial(b, P, j, value);
    hold(b, P, 0);
    return d;
}
