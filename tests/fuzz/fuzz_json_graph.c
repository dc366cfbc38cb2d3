/*
 * fuzz_json_graph.c — libFuzzer harness for the node-link JSON reader (graph_read_json.c).
 *
 * Input: any bytes, written to a temporary *.json file and read with
 * ag_graph_read_file. A graph that reads is measured, written in every
 * format and read back from its JSON (fuzz_common.h); one that does not
 * must fail with a message and an input-error status.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_graph_file(data, size, ".json");
    return 0;
}
