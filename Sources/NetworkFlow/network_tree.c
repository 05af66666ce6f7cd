// network_tree.c: the spanning tree's update after a pivot of the network simplex
// (network_simplex.c): the thread (preorder list) re-linked in O(length of the stem), parents,
// subtree sizes and last nodes, and the potentials of the subtree that moved. The representation
// is LEMON's NetworkSimplex's.
#include "ns_work.h"

// ---------------------------------------------------------------------------------------------
// The tree update

static inline void link_thread(ns_work *w, int from, int to) {
    w->thread[from] = to;
    w->rev[to] = from;
}

// Replaces the tree arc pred[u_out] by the entering arc e, which joins u_in (in the subtree of
// u_out) to v_in (outside it), and brings potentials of the moved subtree in line with e.
// `join` is the apex of e's cycle: the deepest common ancestor of u_in and v_in.
//
// The subtree of u_out is re-rooted at u_in and hung under v_in as its first child. In preorder,
// the re-rooted subtree is: the old subtree of u_in, then each stem node s_k (s_0 = u_in, s_1 its
// old parent, ..., s_m = u_out) followed by its other children's subtrees, which were the thread
// pieces A_k (before s_{k-1}'s subtree) and B_k (after it). Only O(m) thread links change; the
// pieces are read before any link is written because writing one can overwrite the next's ends.
// Steps 1 to 4 of update_tree: re-threads the moved subtree, re-rooted at u_in, right after v_in.
// Returns the new last node of the moved subtree and the stem's length m (stem[0..m]).
static int rethread(ns_work *w, int u_in, int v_in, int u_out, int before, int after, int *m_out) {
    int *parent = w->parent, *thread = w->thread, *rev = w->rev, *last = w->last, *stem = w->stem;

    // 1. The stem, and the thread pieces of each stem node, from the old tree.
    int m = 0;
    stem[0] = u_in;
    while (stem[m] != u_out) {
        const int prev = stem[m], cur = parent[prev];
        stem[++m] = cur;
        w->a_first[m] = thread[cur] != prev ? thread[cur] : -1;
        w->a_last[m] = rev[prev];
        w->b_first[m] = thread[last[prev]];
        w->b_last[m] = last[cur] != last[prev] ? last[cur] : -1;
    }
    const int u_in_last = last[u_in];

    // 2. Cut the subtree out of the thread.
    link_thread(w, before, after);

    // 3. Chain the re-rooted subtree: u_in's old subtree, then s_1 A_1 B_1, s_2 A_2 B_2, ...
    int end = u_in_last;
    for (int k = 1; k <= m; k++) {
        link_thread(w, end, stem[k]);
        end = stem[k];
        if (w->a_first[k] >= 0) {
            link_thread(w, end, w->a_first[k]);
            end = w->a_last[k];
        }
        if (w->b_last[k] >= 0) {
            link_thread(w, end, w->b_first[k]);
            end = w->b_last[k];
        }
    }

    // 4. Splice it in right after v_in.
    const int v_in_next = thread[v_in];
    link_thread(w, v_in, u_in);
    link_thread(w, end, v_in_next);
    *m_out = m;
    return end;
}

// Step 5 of update_tree: reverses the stem: s_k's parent becomes s_{k-1} through the arc that
// joined them (read from s_{k-1} before it is overwritten, hence downwards), and its subtree
// becomes the moved subtree minus s_{k-1}'s old one. Every stem node's subtree now ends at
// new_last. Then u_in hangs under v_in through e.
static void reverse_stem(ns_work *w, int e, int u_in, int v_in, int m, int moved, int new_last) {
    int *stem = w->stem;
    for (int k = m; k >= 1; k--) {
        const int cur = stem[k], prev = stem[k - 1];
        w->parent[cur] = prev;
        w->pred[cur] = w->pred[prev];
        w->up[cur] = !w->up[prev];
        w->size[cur] = moved - w->size[prev];
        w->last[cur] = new_last;
    }
    w->parent[u_in] = v_in;
    w->pred[u_in] = e;
    w->up[u_in] = w->tail[e] == u_in;
    w->size[u_in] = moved;
    w->last[u_in] = new_last;
}

// Step 8 of update_tree: only the moved subtree's potentials change, all by the same amount, so
// that the entering arc's reduced cost becomes zero.
static void shift_potentials(ns_work *w, int e, int u_in, int v_in, int moved) {
    const double target = w->tail[e] == u_in ? w->cost[e] + w->pot[v_in] : w->pot[v_in] - w->cost[e];
    const double shift = target - w->pot[u_in];
    if (shift == 0) return;
    int u = u_in;
    for (int i = 0; i < moved; i++) {
        w->pot[u] += shift;
        u = w->thread[u];
    }
}

void ns_update_tree(ns_work *w, int e, int u_in, int v_in, int u_out, int join) {
    int *parent = w->parent, *size = w->size, *last = w->last;
    const int v_out = parent[u_out];
    const int moved = size[u_out];
    const int old_last_out = last[u_out];
    const int before = w->rev[u_out];              // thread neighbours of the moved subtree
    const int after = w->thread[old_last_out];

    int m = 0;
    const int new_last = rethread(w, u_in, v_in, u_out, before, after, &m);
    reverse_stem(w, e, u_in, v_in, m, moved, new_last);

    // 6. Ancestors: sizes change only below the apex, where the two paths differ.
    for (int u = v_out; u != join; u = parent[u]) size[u] -= moved;
    for (int u = v_in; u != join; u = parent[u]) size[u] += moved;

    // 7. Ancestors' last nodes. First as if the subtree were only removed: the ancestors of
    //    v_out whose subtree ended with it now end where it began. Then as if it were only
    //    inserted as v_in's first child: ancestors whose subtree ended at v_in now end with it.
    for (int u = v_out; u >= 0 && last[u] == old_last_out; u = parent[u]) last[u] = before;
    for (int u = v_in; u >= 0 && last[u] == v_in; u = parent[u]) last[u] = new_last;

    shift_potentials(w, e, u_in, v_in, moved);
}

