"""Pythonic names for QAPI names."""

from __future__ import annotations

from qapi_backends.python.naming import (
    attribute_name,
    branch_class_name,
    class_name,
    constant_name,
    event_class_name,
    module_name,
)


def test_attribute_names_are_snake_case_and_never_keywords() -> None:
    assert attribute_name("node-name") == "node_name"
    assert attribute_name("cpuIndex") == "cpu_index"
    assert attribute_name("if") == "if_"
    assert attribute_name("__com.redhat_drive") == "com_redhat_drive"
    assert attribute_name("l") == "l_"


def test_enum_constants_are_upper_case_and_valid_identifiers() -> None:
    assert constant_name("save-vm") == "SAVE_VM"
    assert constant_name("1st") == "N1ST"
    assert constant_name("none") == "NONE"


def test_class_names_keep_camel_case() -> None:
    assert class_name("X86CPUFeatureWordInfo") == "X86CPUFeatureWordInfo"
    assert class_name("none") == "None_"
    assert event_class_name("BLOCK_JOB_READY") == "BlockJobReadyEvent"
    assert branch_class_name("SchemaInfo", "object") == "SchemaInfoObjectBranch"


def test_module_names_come_from_schema_file_paths_and_are_private() -> None:
    assert module_name("block-core.json") == "_block_core"
    assert module_name("copy1/block-core.json") == "_copy1_block_core"
    assert module_name("./builtin") == "_builtin"
    assert module_name("9p.json") == "_n9p"
    assert module_name("../if.json") == "_if_"
