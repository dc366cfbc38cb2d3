/*
 * fuzz_graphml.c — libFuzzer harness for the GraphML reader (igraph's, plus the key scan of graph_read.c).
 *
 * Input: any bytes, written to a temporary *.graphml file and read with
 * ag_graph_read_file. A graph that reads is measured, written in every
 * format and read back from its JSON (fuzz_common.h); one that does not
 * must fail with a message and an input-error status.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_graph_file(data, size, ".graphml");
    return 0;
}
