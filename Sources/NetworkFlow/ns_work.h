// ns_work.h: the network simplex's state for one call, shared by network_simplex.c (validation,
// initial tree, pricing, pivots, the solve) and network_tree.c (the spanning tree's update after a
// pivot). Private to the NetworkFlow target.
#ifndef NS_WORK_H
#define NS_WORK_H

#include "network_simplex.h"

// The solver's state for one call. Tree arrays have nodes+1 entries (the root included).
typedef struct {
    int nodes, arcs, root;
    const int *tail, *head;
    const double *cost, *upper;
    double *flow, *pot;
    signed char *state;

    int *parent;        // parent in the tree, -1 for the root
    int *pred;          // the tree arc joining a node to its parent
    signed char *up;    // 1 when pred[u] points from u to its parent (tail == u), 0 when it points down
    int *thread;        // preorder successor; the thread is a cycle through the root
    int *rev;           // preorder predecessor (the inverse of thread)
    int *size;          // number of nodes in the subtree
    int *last;          // last node of the subtree in preorder (the subtree is thread[u .. last[u]])

    // Scratch for the tree update: the stem (the path from the entering node up to the node
    // whose tree arc leaves) and, per stem node, the thread pieces of its other children.
    int *stem, *a_first, *a_last, *b_first, *b_last;

    // Block search pricing.
    int block, next_arc;
    double tolerance;   // reduced costs smaller than this count as zero
} ns_work;

// Re-hangs the tree after arc e enters with the tree arc above u_out leaving (network_tree.c).
void ns_update_tree(ns_work *w, int e, int u_in, int v_in, int u_out, int join);

#endif
