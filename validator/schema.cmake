# SPDX-License-Identifier: EUPL-1.2
# The JSON Schema 2020-12 engine (include/onlyonce/schema.h).
target_sources(oo_validator PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/schema_annotations.c
  ${CMAKE_CURRENT_LIST_DIR}/schema_applicators.c
  ${CMAKE_CURRENT_LIST_DIR}/schema_combinators.c
  ${CMAKE_CURRENT_LIST_DIR}/schema_compile.c
  ${CMAKE_CURRENT_LIST_DIR}/schema_compile_keywords.c
  ${CMAKE_CURRENT_LIST_DIR}/schema_file.c
  ${CMAKE_CURRENT_LIST_DIR}/schema_format.c
  ${CMAKE_CURRENT_LIST_DIR}/schema_format_be.c
  ${CMAKE_CURRENT_LIST_DIR}/schema_format_idna.c
  ${CMAKE_CURRENT_LIST_DIR}/schema_format_net.c
  ${CMAKE_CURRENT_LIST_DIR}/schema_format_uri.c
  ${CMAKE_CURRENT_LIST_DIR}/schema_index.c
  ${CMAKE_CURRENT_LIST_DIR}/schema_instance.c
  ${CMAKE_CURRENT_LIST_DIR}/schema_keywords.c
  ${CMAKE_CURRENT_LIST_DIR}/schema_map.c
  ${CMAKE_CURRENT_LIST_DIR}/schema_parse.c
  ${CMAKE_CURRENT_LIST_DIR}/schema_regex.c
  ${CMAKE_CURRENT_LIST_DIR}/schema_uri.c
  ${CMAKE_CURRENT_LIST_DIR}/schema_validate.c
  ${CMAKE_CURRENT_LIST_DIR}/schema_value.c
  ${CMAKE_CURRENT_LIST_DIR}/schema_vocab.c
)
# floor, nearbyint and fmax for integer and multipleOf checks.
target_link_libraries(oo_validator PUBLIC m)
