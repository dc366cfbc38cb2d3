/*
 * actorgraph/actorgraph.h — the whole public API.
 *
 * text -> tokens (text.h) -> sentences (segment.h) -> mentions (match.h,
 * with lexicon.h) -> co-occurrence counts (cooccur.h) -> graph (graph.h)
 * -> measures (centrality.h) -> files (export.h); documents in and atomic
 * files out (io.h). Conventions for every header are in common.h.
 */
#ifndef ACTORGRAPH_H
#define ACTORGRAPH_H

#include "common.h"
#include "lexicon.h"
#include "text.h"
#include "segment.h"
#include "match.h"
#include "cooccur.h"
#include "partial.h"
#include "graph.h"
#include "centrality.h"
#include "community.h"
#include "export.h"
#include "io.h"
#include "import.h"
#include "eval.h"

#endif
