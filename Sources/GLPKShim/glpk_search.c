// glpk_search.c: branch-and-cut's C callback and its state (see glpk_shim.h): the starting
// point, the lazy rows added as cuts, the stop flag, the bound, and the shim's brancher.
#include "glpk_shim.h"
#include "branching.h"
#include "guarded.h"
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

struct glpk_shim_search {
    int n;
    double *start;          // 1-based for glp_ios_heur_sol; NULL when none
    int start_accepted;     // -1 not offered yet, 0 rejected, 1 accepted
    int lazy_count;
    double *lazy_lower, *lazy_upper, *lazy_value;
    int *lazy_start, *lazy_index;
    int *cut_ind;           // scratch, 1-based
    double *cut_val;
    atomic_int stop;
    int fault_in_callback;  // tests: raise a GLPK fault from inside the callback
    shim_brancher *brancher; // NULL: GLPK's own branching
    pthread_mutex_t lock;   // guards the fields below
    int has_incumbent;
    double incumbent;
    double bound;
    long lazy_cuts;
    long nodes;             // subproblems created so far
};

static void *copy_of(const void *from, size_t bytes) {
    void *to = malloc(bytes > 0 ? bytes : 1);
    if (to != NULL && bytes > 0) memcpy(to, from, bytes);
    return to;
}

glpk_shim_search *glpk_shim_search_create(int n, const double start[], int lazy_count,
                                          const double lazy_lower[], const double lazy_upper[],
                                          const int lazy_start[], const int lazy_index[],
                                          const double lazy_value[]) {
    glpk_shim_search *s = calloc(1, sizeof *s);
    if (s == NULL) return NULL;
    s->n = n;
    s->start_accepted = -1;
    if (start != NULL) {
        s->start = malloc(sizeof(double) * (size_t)(n + 1));
        if (s->start != NULL) {
            s->start[0] = 0;
            memcpy(s->start + 1, start, sizeof(double) * (size_t)n);
        }
    }
    s->lazy_count = lazy_count;
    int terms = lazy_count > 0 ? lazy_start[lazy_count] : 0;
    s->lazy_lower = copy_of(lazy_lower, sizeof(double) * (size_t)lazy_count);
    s->lazy_upper = copy_of(lazy_upper, sizeof(double) * (size_t)lazy_count);
    s->lazy_start = copy_of(lazy_start, sizeof(int) * (size_t)(lazy_count > 0 ? lazy_count + 1 : 0));
    s->lazy_index = copy_of(lazy_index, sizeof(int) * (size_t)terms);
    s->lazy_value = copy_of(lazy_value, sizeof(double) * (size_t)terms);
    s->cut_ind = malloc(sizeof(int) * (size_t)(n + 1));
    s->cut_val = malloc(sizeof(double) * (size_t)(n + 1));
    atomic_init(&s->stop, 0);
    pthread_mutex_init(&s->lock, NULL);
    s->incumbent = INFINITY;
    s->bound = -INFINITY;
    if ((start != NULL && s->start == NULL) || s->lazy_lower == NULL || s->lazy_upper == NULL ||
        s->lazy_start == NULL || s->lazy_index == NULL || s->lazy_value == NULL ||
        s->cut_ind == NULL || s->cut_val == NULL) {
        glpk_shim_search_free(s);
        return NULL;
    }
    return s;
}

void glpk_shim_search_free(glpk_shim_search *s) {
    if (s == NULL) return;
    free(s->start);
    free(s->lazy_lower);
    free(s->lazy_upper);
    free(s->lazy_start);
    free(s->lazy_index);
    free(s->lazy_value);
    free(s->cut_ind);
    free(s->cut_val);
    shim_brancher_free(s->brancher);
    pthread_mutex_destroy(&s->lock);
    free(s);
}

int glpk_shim_search_branch_on_pseudocosts(glpk_shim_search *s, int lookahead) {
    if (s->brancher == NULL) s->brancher = shim_brancher_create(s->n, lookahead);
    return s->brancher != NULL;
}

long glpk_shim_search_branches_tried(glpk_shim_search *s) {
    return s->brancher != NULL ? shim_brancher_trials(s->brancher) : 0;
}

void glpk_shim_search_test_branching(glpk_shim_search *s, long stop_after_trials, int fault_in_trial) {
    if (s->brancher != NULL) shim_brancher_test_hooks(s->brancher, stop_after_trials, fault_in_trial);
}

long glpk_shim_search_branch_retries(glpk_shim_search *s) {
    return s->brancher != NULL ? shim_brancher_retries(s->brancher) : 0;
}

void glpk_shim_search_request_stop(glpk_shim_search *s) { atomic_store(&s->stop, 1); }

void glpk_shim_search_fault_in_callback(glpk_shim_search *s) { s->fault_in_callback = 1; }

void glpk_shim_search_snapshot(glpk_shim_search *s, int *has_incumbent, double *incumbent,
                               double *bound, long *lazy_cuts, long *nodes) {
    pthread_mutex_lock(&s->lock);
    *has_incumbent = s->has_incumbent;
    *incumbent = s->incumbent;
    *bound = s->bound;
    *lazy_cuts = s->lazy_cuts;
    *nodes = s->nodes;
    pthread_mutex_unlock(&s->lock);
}

// Offers every lazy row the current relaxation breaks to the cut pool.
static void add_broken_lazy_rows(glp_tree *T, glpk_shim_search *s) {
    glp_prob *P = glp_ios_get_prob(T);
    long added = 0;
    for (int r = 0; r < s->lazy_count; r++) {
        double activity = 0;
        for (int k = s->lazy_start[r]; k < s->lazy_start[r + 1]; k++)
            activity += s->lazy_value[k] * glp_get_col_prim(P, s->lazy_index[k] + 1);
        int type;
        double rhs;
        if (isfinite(s->lazy_upper[r]) && activity > s->lazy_upper[r] + 1e-6) {
            type = GLP_UP;
            rhs = s->lazy_upper[r];
        } else if (isfinite(s->lazy_lower[r]) && activity < s->lazy_lower[r] - 1e-6) {
            type = GLP_LO;
            rhs = s->lazy_lower[r];
        } else {
            continue;
        }
        int len = 0;
        for (int k = s->lazy_start[r]; k < s->lazy_start[r + 1]; k++) {
            len++;
            s->cut_ind[len] = s->lazy_index[k] + 1;
            s->cut_val[len] = s->lazy_value[k];
        }
        glp_ios_add_row(T, NULL, 101, 0, len, s->cut_ind, s->cut_val, type, rhs);
        added++;
    }
    if (added > 0) {
        pthread_mutex_lock(&s->lock);
        s->lazy_cuts += added;
        pthread_mutex_unlock(&s->lock);
    }
}

static void shim_search_callback(glp_tree *T, void *info) {
    glpk_shim_search *s = info;
    if (s->fault_in_callback) glp_ios_branch_upon(T, 0, GLP_NO_BRNCH); // column 0: a GLPK fault
    switch (glp_ios_reason(T)) {
    case GLP_IHEUR:
        if (s->start != NULL && s->start_accepted < 0) {
            int rejected = glp_ios_heur_sol(T, s->start);
            pthread_mutex_lock(&s->lock);
            s->start_accepted = rejected ? 0 : 1;
            pthread_mutex_unlock(&s->lock);
        }
        break;
    case GLP_ICUTGEN:
        add_broken_lazy_rows(T, s);
        break;
    case GLP_IBRANCH:
        if (s->brancher != NULL) shim_brancher_branch(s->brancher, T, &s->stop);
        break;
    default:
        break;
    }
    glp_prob *P = glp_ios_get_prob(T);
    int best = glp_ios_best_node(T);
    int status = glp_mip_status(P);
    int active, alive, total;
    glp_ios_tree_size(T, &active, &alive, &total);
    pthread_mutex_lock(&s->lock);
    s->nodes = total;
    if (best != 0) {
        double b = glp_ios_node_bound(T, best);
        if (b > s->bound) s->bound = b;
    }
    if (status == GLP_FEAS || status == GLP_OPT) {
        s->has_incumbent = 1;
        s->incumbent = glp_mip_obj_val(P);
    }
    pthread_mutex_unlock(&s->lock);
    if (atomic_load(&s->stop)) glp_ios_terminate(T);
}

struct intopt_call {
    glp_prob *P;
    glp_iocp *parm;
    glpk_shim_search *search;
    int *ret;
};

static void intopt(void *context) {
    struct intopt_call *c = context;
    *c->ret = glp_intopt(c->P, c->parm);
    if (c->search->brancher != NULL) shim_brancher_drop_shadow(c->search->brancher, 1);
}

int glpk_shim_intopt(glp_prob *P, glp_iocp *parm, glpk_shim_search *search, int *ret) {
    parm->cb_func = shim_search_callback;
    parm->cb_info = search;
    if (search->brancher != NULL) parm->cb_size = shim_brancher_node_size();
    struct intopt_call call = {P, parm, search, ret};
    int status = shim_guarded_call(intopt, &call);
    // After a fault glp_free_env has freed every problem of the thread, the shadow included.
    if (status == SHIM_FAULT && search->brancher != NULL) shim_brancher_drop_shadow(search->brancher, 0);
    return status;
}

