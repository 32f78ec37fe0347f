"""A small hand-built IR schema for the docs backend tests (a made-up "vault" service)."""

from __future__ import annotations

from qapi_ir.ir import (
    BUILTIN_MODULE,
    AlternateType,
    ArrayType,
    Branch,
    BuiltinType,
    Command,
    Condition,
    Doc,
    DocSection,
    EnumType,
    EnumValue,
    Event,
    Feature,
    IfAll,
    IfName,
    IfNot,
    Include,
    Location,
    Member,
    Module,
    ObjectType,
    Schema,
    Variants,
)

MAIN = "vault.json"
STORE = "store.json"
#: A module with nothing to show (like QEMU's pragma.json): it gets no page.
EMPTY = "pragma.json"


def at(line: int, module: str = STORE) -> Location:
    """A location in a test module."""
    return Location(module, line)


def section(kind: str, text: str, line: int, name: str | None = None,
            module: str = STORE) -> DocSection:
    """A doc section starting at ``line``."""
    return DocSection(kind, text, at(line, module), name)


def doc(symbol: str | None, line: int, body: str = "", *, args: tuple[DocSection, ...] = (),
        features: tuple[DocSection, ...] = (), sections: tuple[DocSection, ...] = (),
        module: str = STORE) -> Doc:
    """A doc comment whose ``##`` is at ``line`` and body starts on the next line."""
    return Doc(at(line, module), symbol, section("Plain", body, line + 1, module=module),
               args, features, sections)


ONLY_LOCKED: Condition = IfAll((IfName("CONFIG_LOCK"), IfNot(IfName("CONFIG_RO"))))

BUILTINS = (
    BuiltinType("str", "string"), BuiltinType("int", "int"), BuiltinType("bool", "boolean"),
    BuiltinType("any", "value"),
)

ENTITIES = (
    *BUILTINS,
    Include(MAIN, EMPTY, at(2, MAIN)),
    Include(MAIN, STORE, at(3, MAIN)),
    EnumType("VaultKind", at(20), STORE,
             (EnumValue("plain"), EnumValue("sealed", ONLY_LOCKED))),
    ObjectType("VaultBase", at(30), STORE, (Member("id", "str"), Member("kind", "VaultKind"))),
    ObjectType("VaultInfo", at(40), STORE,
               (Member("size", "int"),
                Member("label", "str", optional=True, features=(Feature("deprecated"),)),
                Member("locked", "bool", optional=True, condition=ONLY_LOCKED)),
               base="VaultBase"),
    ArrayType("VaultInfoList", None, STORE, "VaultInfo"),
    ObjectType("VaultSeal", at(50), STORE,
               (Member("key", "str"), Member("salt", "str", optional=True))),
    ObjectType("q_obj_VaultSpec-base", None, STORE,
               (Member("kind", "VaultKind"), Member("name", "str"))),
    ObjectType("VaultSpec", at(60), STORE, base="q_obj_VaultSpec-base",
               variants=Variants("kind", (Branch("plain", "VaultBase"),
                                          Branch("sealed", "VaultSeal", ONLY_LOCKED)))),
    ObjectType("q_obj_query-vaults-arg", None, STORE, (Member("verbose", "bool", True),)),
    Command("query-vaults", at(80), STORE, "q_obj_query-vaults-arg", "VaultInfoList",
            features=(Feature("unstable"),)),
    Command("vault-create", at(100), STORE, "VaultSpec",
            flags=("gen", "success-response", "boxed")),
    ObjectType("q_obj_VAULT_OPENED-arg", None, STORE, (Member("id", "str"),)),
    Event("VAULT_OPENED", at(120), STORE, "q_obj_VAULT_OPENED-arg"),
    AlternateType("VaultRef", at(130), STORE,
                  (Branch("name", "str"), Branch("info", "VaultInfo"))),
)

QUERY_VAULTS_DOC = """\
List the vaults.  See `VaultInfo` and @verbose.

.. qmp-example::
   :title: Listing

   -> { "execute": "query-vaults", "arguments": { "verbose": true } }
   <- { "return": [] }

.. qmp-example::

   -> { "execute": "query-vaults", "arguments": { "verbos": 1 } }
   <- { "return": [] }"""

DOCS = (
    doc(None, 1, "Vault service\n=============\n\nStores things.  For a name, see the "
        "`qapi-qmp-index`.", module=MAIN),
    doc(None, 5, "Storage\n-------\n\nWhere vaults live."),
    doc(None, 9, "== Vault kinds\n\nWhat a vault can be."),
    doc("VaultKind", 12, "The kind of a vault.",
        args=(section("Member", "kept in clear", 14, "plain"),
              section("Member", "encrypted (since 2.5)", 15, "sealed"))),
    doc("VaultBase", 25, "Common to all vaults.",
        args=(section("Member", "identifier", 27, "id"),
              section("Member", "what kind", 28, "kind")),
        sections=(section("Since", "1.0", 29),)),
    doc("VaultInfo", 33, "Information about a vault.",
        args=(section("Member", "size in bytes", 35, "size"),
              section("Member", "a label\n    shown to users (since 3.0)", 36, "label"),
              section("Member", "whether it is locked", 38, "locked")),
        features=(section("Feature", "Member @label is deprecated.  Use @id.", 38,
                          "deprecated"),),
        sections=(section("Since", "1.0", 39),)),
    doc("VaultSeal", 45, "A seal, listed by `the listing <query-vaults>`.\n\n"
        ".. _evil: javascript:alert(1)",
        args=(section("Member", "the key", 47, "key"), section("Member", "", 48, "salt"))),
    doc("VaultSpec", 52, "How to create a vault (not evil_).",
        args=(section("Member", "the kind", 54, "kind"),
              section("Member", "the name, see @kind", 55, "name"))),
    doc("query-vaults", 65, QUERY_VAULTS_DOC,
        args=(section("Member", "say more", 74, "verbose"),),
        features=(section("Feature", "not settled yet", 76, "unstable"),),
        sections=(section("Returns", "all vaults", 77),
                  section("Todo", "secret plans", 78),
                  section("Since", "3.0", 79))),
    doc("vault-create", 90, "Create a vault.\n\nThis has *bad markup.",
        sections=(section("Errors", "- If the name is taken, GenericError", 95),
                  section("Since", "2.0", 96))),
    doc("VAULT_OPENED", 110, "Emitted when a vault is opened.",
        args=(section("Member", "which vault", 112, "id"),)),
    doc("VaultRef", 125, "A vault by name or in full.",
        args=(section("Member", "its name", 127, "name"),
              section("Member", "the vault", 128, "info"))),
)


def vault_schema() -> Schema:
    """The hand-built test schema."""
    return Schema((Module(BUILTIN_MODULE), Module(MAIN), Module(EMPTY), Module(STORE)),
                  ENTITIES, DOCS)
