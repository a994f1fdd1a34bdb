// The kostra schema, embedded: the FileDescriptorSet of every file in Protos/.
// Written by hand; its data file, kostra_schema_data.c, is generated.
#ifndef KOSTRA_SCHEMA_H
#define KOSTRA_SCHEMA_H

#include <stddef.h>

/// The encoded google.protobuf.FileDescriptorSet; *length receives its size.
const unsigned char *kostra_schema_descriptor_set(size_t *length);
/// How many .proto files the set holds.
size_t kostra_schema_file_count(void);
/// The name of file `index` ("kostra/v1/status.proto"), or NULL past the end.
const char *kostra_schema_file_name(size_t index);

#endif
