"""The published schema and the example operations are a contract.

``schema/schema.graphql`` is what ``ruta export-schema`` writes; ``schema/operations`` holds
the operations a storefront, the seller dashboard and the operator use. Conventions for an
operation file ``<Name>.graphql``:

- exactly one operation, named ``<Name>``; fragments may follow it;
- the first line is a comment saying who uses it;
- a header line ``# auth: customer`` (or ``vendor`` / ``operator``) marks a read operation that
  needs a signed-in user; the tests sign in as that demo login;
- every argument is a variable (no literals), and every mutation field selects
  ``errors { field code message }``;
- sample variables for a query live in ``<Name>.variables.json``; variables that are required
  and have no default must be there (the tests run every query on the demo data with them).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLSchema,
    InlineFragmentNode,
    ListValueNode,
    NonNullTypeNode,
    ObjectValueNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    ValueNode,
    VariableNode,
    build_schema,
    parse,
    validate,
)

from engine.api.schema import build_schema as build_app_schema
from engine.cli import schema_sdl
from engine.demo.data import DEMO_PASSWORD
from engine.plugins.manager import build_plugin_manager
from engine.runtime import Runtime
from engine.settings import Settings
from tests.client import Client

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_FILE = ROOT / "schema" / "schema.graphql"
OPERATIONS = ROOT / "schema" / "operations"
AUTH_RE = re.compile(r"^#\s*auth:\s*(\S+)\s*$")
LOGINS = {
    "customer": "customer@ruta.example",
    "vendor": "vendor.es@ruta.example",
    "operator": "admin@ruta.example",
}
#: What the storefront, the seller dashboard and the operator rely on (more may be added).
EXPECTED = {
    "ProductList", "ProductDetails", "CategoryTree", "VendorPage", "VendorList", "TaxClasses",
    "Me", "AccountRegister", "TokenCreate", "TokenRefresh",
    "MyVendor", "VendorApply", "VendorUpdate", "ProductCreate", "ProductUpdate",
    "ProductDelete", "VariantCreate", "VariantUpdate", "StockUpdate",
    "VendorApprove", "PendingVendors",
    # checkout and orders
    "CheckoutCreate", "CheckoutDetails", "CheckoutLinesAdd", "CheckoutLinesUpdate",
    "CheckoutLinesDelete", "CheckoutAddressUpdate", "CheckoutShippingMethodUpdate",
    "CheckoutEmailUpdate", "CheckoutVatIdUpdate", "CheckoutComplete", "MyOrders",
    "OrderDetails", "OrderCancel",
    "VendorOrders", "VendorOrderFulfill", "ShippingMethodCreate", "ShippingMethodUpdate",
    "VendorShippingMethods",
    "OrderMarkPaid",
}
#: Reads of a checkout or an order by id: no such id exists on the freshly seeded demo data
#: (their sample variables only show the shape), so they are left out of
#: ``test_read_operation_runs_on_demo_data``; tests/test_storefront_flow.py runs them on the
#: checkout and the orders it creates.
NEED_AN_ID_FROM_A_CHECKOUT = {"CheckoutDetails", "OrderDetails"}
#: Reads that list orders (and the messages orders cause): they run on the demo data, but
#: there are no orders there yet, so their connections are empty;
#: tests/test_storefront_flow.py and tests/test_notifications_inbox.py run them with orders.
EMPTY_UNTIL_AN_ORDER = {"MyOrders", "VendorOrders", "MyNotifications"}
ERROR_FIELDS = {"field", "code", "message"}


def operation_files() -> list[Path]:
    return sorted(OPERATIONS.glob("*.graphql"))


def document(name: str) -> DocumentNode:
    return parse((OPERATIONS / f"{name}.graphql").read_text(encoding="utf-8"))


def operation(doc: DocumentNode) -> OperationDefinitionNode:
    [op] = [d for d in doc.definitions if isinstance(d, OperationDefinitionNode)]
    return op


def header(name: str) -> list[str]:
    """The comment lines at the top of an operation file."""
    lines = (OPERATIONS / f"{name}.graphql").read_text(encoding="utf-8").splitlines()
    out = []
    for line in lines:
        if not line.startswith("#"):
            break
        out.append(line)
    return out


def auth_of(name: str) -> str | None:
    roles = [m.group(1) for line in header(name) if (m := AUTH_RE.match(line))]
    assert len(roles) <= 1, f"{name}: more than one '# auth:' line"
    return roles[0] if roles else None


def sample_variables(name: str) -> dict[str, Any]:
    path = OPERATIONS / f"{name}.variables.json"
    if not path.exists():
        return {}
    variables: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return variables


def queries() -> list[str]:
    return [p.stem for p in operation_files()
            if operation(parse(p.read_text(encoding="utf-8"))).operation == OperationType.QUERY]


def mutations() -> list[str]:
    return [p.stem for p in operation_files()
            if operation(parse(p.read_text(encoding="utf-8"))).operation
            == OperationType.MUTATION]


@pytest.fixture(scope="module")
def published_schema() -> GraphQLSchema:
    return build_schema(SCHEMA_FILE.read_text(encoding="utf-8"))


# --- the schema file -----------------------------------------------------------------------


def test_committed_schema_is_up_to_date() -> None:
    assert SCHEMA_FILE.exists(), "schema/schema.graphql is missing: run `ruta export-schema`"
    committed = SCHEMA_FILE.read_text(encoding="utf-8")
    assert schema_sdl() == committed, (
        "The GraphQL schema changed but schema/schema.graphql was not updated: run "
        "`ruta export-schema` and commit the result (review the diff: it is the public API).")


# --- the operation files -------------------------------------------------------------------


def test_the_expected_operations_exist() -> None:
    present = {p.stem for p in operation_files()}
    assert present >= EXPECTED, f"missing operations: {sorted(EXPECTED - present)}"


def test_sample_variables_belong_to_queries() -> None:
    for path in OPERATIONS.glob("*.variables.json"):
        name = path.name.removesuffix(".variables.json")
        assert name in queries(), f"{path.name}: no query {name}.graphql next to it"
        assert isinstance(json.loads(path.read_text(encoding="utf-8")), dict), path.name


def _arguments_are_variables(node: ValueNode) -> bool:
    if isinstance(node, VariableNode):
        return True
    if isinstance(node, ObjectValueNode):
        return all(_arguments_are_variables(f.value) for f in node.fields)
    if isinstance(node, ListValueNode):
        return all(_arguments_are_variables(v) for v in node.values)
    return False


def _fields(selection_set: SelectionSetNode | None, doc: DocumentNode) -> Iterator[FieldNode]:
    """Every field selected, through fragments, at any depth."""
    if selection_set is None:
        return
    fragments = {d.name.value: d for d in doc.definitions
                 if isinstance(d, FragmentDefinitionNode)}
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            yield selection
            yield from _fields(selection.selection_set, doc)
        elif isinstance(selection, InlineFragmentNode):
            yield from _fields(selection.selection_set, doc)
        elif isinstance(selection, FragmentSpreadNode):
            yield from _fields(fragments[selection.name.value].selection_set, doc)


@pytest.mark.parametrize("path", operation_files(), ids=lambda p: p.stem)
def test_operation_is_valid_against_the_schema(path: Path,
                                               published_schema: GraphQLSchema) -> None:
    doc = parse(path.read_text(encoding="utf-8"))
    operations = [d for d in doc.definitions if isinstance(d, OperationDefinitionNode)]
    assert len(operations) == 1, f"{path.name}: one operation per file"
    op = operations[0]
    assert op.name is not None and op.name.value == path.stem, \
        f"{path.name}: name the operation {path.stem}"
    errors = validate(published_schema, doc)
    assert not errors, f"{path.name}: " + "; ".join(e.message for e in errors)

    lines = header(path.stem)
    assert lines and not AUTH_RE.match(lines[0]), \
        f"{path.name}: start with a comment saying who uses it"
    role = auth_of(path.stem)
    assert role is None or role in LOGINS, f"{path.name}: unknown auth role {role!r}"
    for field in _fields(op.selection_set, doc):
        for argument in field.arguments or ():
            assert _arguments_are_variables(argument.value), \
                f"{path.name}: {field.name.value}({argument.name.value}:) use a variable"
    if op.operation == OperationType.MUTATION:
        assert role is None, f"{path.name}: '# auth:' marks read operations"
        assert op.variable_definitions, f"{path.name}: a mutation takes variables"
        for root in op.selection_set.selections:
            assert isinstance(root, FieldNode)
            if root.selection_set is None:
                continue  # a scalar result (e.g. notificationMarkAllRead: Int) has no errors
            [errors_field] = [f for f in _fields(root.selection_set, doc)
                              if f.name.value == "errors"]
            selected = {f.name.value for f in _fields(errors_field.selection_set, doc)}
            assert selected >= ERROR_FIELDS, \
                f"{path.name}: select errors {{ field code message }}"


@pytest.mark.parametrize("name", queries())
def test_sample_variables_cover_required_ones(name: str) -> None:
    variables = sample_variables(name)
    definitions = operation(document(name)).variable_definitions or ()
    declared = {v.variable.name.value: v for v in definitions}
    assert set(variables) <= set(declared), f"{name}: unknown variables in the sample"
    for var, definition in declared.items():
        if isinstance(definition.type, NonNullTypeNode) and definition.default_value is None:
            assert var in variables, f"{name}: give ${var} a sample in {name}.variables.json"


# --- the read operations run on the demo data ----------------------------------------------


def _edges(connection: dict[str, Any]) -> list[dict[str, Any]]:
    return [edge["node"] for edge in connection["edges"]]


def _connections(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        if "edges" in value:
            yield value
        for item in value.values():
            yield from _connections(item)
    elif isinstance(value, list):
        for item in value:
            yield from _connections(item)


def check_product_list(data: dict[str, Any]) -> None:
    products = data["products"]
    nodes = _edges(products)
    assert products["totalCount"] >= 12
    assert len(nodes) == 12 and products["pageInfo"]["hasNextPage"]
    assert {n["kind"] for n in nodes} >= {"PHYSICAL", "DIGITAL", "SERVICE", "COURSE", "EVENT"}
    for node in nodes:
        assert node["vendor"]["name"] and node["category"]["name"]
        assert node["variants"], node["slug"]
        assert node["pricing"]["currency"] == "EUR"
        cheapest = min(Decimal(v["price"]["amount"]) for v in node["variants"])
        assert Decimal(node["pricing"]["gross"]["amount"]) == cheapest  # prices include tax
    by_slug = {n["slug"]: n for n in nodes}
    assert by_slug["vino-naranja-condado"]["name"] == "Vino Naranja del Condado"
    assert by_slug["flor-de-sal-algarve"]["name"] == "Flor de sal del Algarve"


def check_product_details(data: dict[str, Any]) -> None:
    product = data["product"]
    assert product["slug"] == "asesoria-legal-emprendedores"
    assert product["kind"] == "SERVICE"
    assert product["name"] == "Consultoria jurídica para empreendedores"
    assert product["vendor"]["country"] == "ES"
    assert product["pricing"]["gross"]["amount"] == "60.00"
    now = datetime.now(UTC)
    assert len(product["variants"]) == 3
    for variant in product["variants"]:
        starts = datetime.fromisoformat(variant["startsAt"])
        ends = datetime.fromisoformat(variant["endsAt"])
        assert now < starts < ends
        assert variant["capacity"] >= 1 and variant["quantityAvailable"] >= 1
        assert variant["pricing"]["gross"]["amount"] == variant["price"]["amount"]


def check_category_tree(data: dict[str, Any]) -> None:
    top = {n["slug"]: n for n in _edges(data["categories"])}
    assert {"food-drink", "crafts", "courses", "events"} <= set(top)
    assert top["food-drink"]["name"] == "Comida e bebida"
    assert [c["slug"] for c in top["food-drink"]["children"]] == ["wine", "sweets"]
    assert top["food-drink"]["children"][0]["name"] == "Vinhos"


def check_vendor_page(data: dict[str, Any]) -> None:
    vendor = data["vendor"]
    assert vendor["name"] == "Bodega y Dulces del Condado"
    assert vendor["postalCode"] == "21700" and vendor["country"] == "ES"
    assert vendor["description"] == "Craft wines and sweets from the Condado de Huelva."
    names = {n["slug"]: n["name"] for n in _edges(vendor["products"])}
    assert vendor["products"]["totalCount"] == len(names) >= 5
    assert names["vino-naranja-condado"] == "Condado Orange Wine"


def check_vendor_list(data: dict[str, Any]) -> None:
    vendors = _edges(data["vendors"])
    assert data["vendors"]["totalCount"] == 3  # Huelva, Faro and the Huelva e-book publisher
    assert {v["country"] for v in vendors} == {"ES", "PT"}


def check_tax_classes(data: dict[str, Any]) -> None:
    assert "STANDARD" in {c["code"] for c in data["taxClasses"]}


def check_me(data: dict[str, Any]) -> None:
    assert data["me"]["email"] == LOGINS["customer"]
    assert data["me"]["isOperator"] is False


def check_my_vendor(data: dict[str, Any]) -> None:
    vendor = data["myVendor"]
    assert vendor["name"] == "Bodega y Dulces del Condado"
    assert vendor["taxId"] == "B21000005" and vendor["commissionRate"] is not None
    products = _edges(vendor["products"])
    assert len(products) == vendor["products"]["totalCount"] >= 5
    assert all(p["variants"] for p in products)


def check_pending_vendors(data: dict[str, Any]) -> None:
    vendors = _edges(data["vendors"])
    assert [v["name"] for v in vendors] == ["Taller Raya"]
    assert vendors[0]["status"] == "PENDING" and vendors[0]["taxId"] == "B06000004"
    assert vendors[0]["products"]["totalCount"] == 1


def check_vendor_shipping_methods(data: dict[str, Any]) -> None:
    vendor = data["vendor"]
    assert vendor["name"] == "Bodega y Dulces del Condado"
    [method] = vendor["shippingMethods"]
    assert method["name"] == "Correos Express" and method["countries"] == ["ES", "PT"]
    assert method["price"] == {"amount": "4.95", "currency": "EUR"}
    assert method["freeOver"] == {"amount": "50.00", "currency": "EUR"}


CHECKS: dict[str, Callable[[dict[str, Any]], None]] = {
    "ProductList": check_product_list,
    "ProductDetails": check_product_details,
    "CategoryTree": check_category_tree,
    "VendorPage": check_vendor_page,
    "VendorList": check_vendor_list,
    "TaxClasses": check_tax_classes,
    "Me": check_me,
    "MyVendor": check_my_vendor,
    "PendingVendors": check_pending_vendors,
    "VendorShippingMethods": check_vendor_shipping_methods,
}


async def _run(client: Client, name: str, role: str | None) -> dict[str, Any]:
    token = await client.login(LOGINS[role], DEMO_PASSWORD) if role else None
    text = (OPERATIONS / f"{name}.graphql").read_text(encoding="utf-8")
    return await client.raw(text, sample_variables(name), token)


@pytest.mark.parametrize("name", [n for n in queries() if n not in NEED_AN_ID_FROM_A_CHECKOUT])
async def test_read_operation_runs_on_demo_data(name: str, demo: Runtime,
                                                client: Client) -> None:
    body = await _run(client, name, auth_of(name))
    assert not body.get("errors"), body["errors"]
    data = body["data"]
    for field, value in data.items():
        assert value not in (None, []), f"{name}: {field} is empty on the demo data"
    for connection in _connections(data):
        if name in EMPTY_UNTIL_AN_ORDER:
            assert connection["totalCount"] == len(connection["edges"]) == 0, data
        else:
            assert connection["edges"], f"{name}: an empty connection on the demo data: {data}"
    if name in CHECKS:
        CHECKS[name](data)


@pytest.mark.parametrize("name", sorted(NEED_AN_ID_FROM_A_CHECKOUT))
async def test_reads_by_id_find_nothing_for_the_sample_id(name: str, demo: Runtime,
                                                          client: Client) -> None:
    """The sample ids are well-formed ids of the right type that simply do not exist yet."""
    assert name in queries()
    body = await _run(client, name, "customer")
    assert not body.get("errors"), body["errors"]
    assert list(body["data"].values()) == [None]


@pytest.mark.parametrize("name", [n for n in queries() if auth_of(n)])
async def test_auth_marked_operations_need_the_login(name: str, demo: Runtime,
                                                    client: Client) -> None:
    signed_in = await _run(client, name, auth_of(name))
    anonymous = await _run(client, name, None)
    assert anonymous.get("errors") or anonymous["data"] != signed_in["data"], \
        f"{name}: works the same without signing in; drop its '# auth:' line"


async def test_product_list_filters_and_pages(demo: Runtime, client: Client) -> None:
    text = (OPERATIONS / "ProductList.graphql").read_text(encoding="utf-8")

    async def page(**variables: Any) -> dict[str, Any]:
        products: dict[str, Any] = (await client.gql(text, variables))["products"]
        return products

    seen: list[str] = []
    after = None
    while True:
        result = await page(first=5, after=after, languageCode="EN")
        seen += [n["slug"] for n in _edges(result)]
        if not result["pageInfo"]["hasNextPage"]:
            break
        after = result["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) == result["totalCount"] >= 12

    events = await page(filter={"kind": "EVENT"})
    assert {n["kind"] for n in _edges(events)} == {"EVENT"} and events["totalCount"] >= 2
    found = await page(filter={"search": "orange"}, languageCode="EN")
    assert [n["name"] for n in _edges(found)] == ["Condado Orange Wine"]
    vendor_id = _edges(found)[0]["vendor"]["id"]
    category_id = _edges(found)[0]["category"]["id"]
    own = await page(filter={"vendorId": vendor_id})
    assert {n["vendor"]["id"] for n in _edges(own)} == {vendor_id}
    in_category = await page(filter={"categoryId": category_id})
    assert {n["category"]["id"] for n in _edges(in_category)} == {category_id}


# --- the dashboard mutations, as one seller's journey --------------------------------------


async def test_seller_journey_through_the_operations(demo: Runtime, client: Client) -> None:

    async def call(name: str, variables: dict[str, Any], token: str | None = None
                   ) -> dict[str, Any]:
        text = (OPERATIONS / f"{name}.graphql").read_text(encoding="utf-8")
        data = await client.gql(text, variables, token)
        [payload] = data.values()
        assert payload["errors"] == [], (name, payload["errors"])
        result: dict[str, Any] = payload
        return result

    email, password = "loja@ruta.example", "a-long-enough-password"
    await call("AccountRegister", {"input": {"email": email, "password": password,
                                             "languageCode": "PT", "country": "PT"}})
    signed = await call("TokenCreate", {"email": email, "password": password})
    token = (await call("TokenRefresh", {"refreshToken": signed["refreshToken"]}))["token"]
    vendor = (await call("VendorApply", {"input": {
        "name": "Loja da Ria", "country": "PT", "postalCode": "8700-123", "taxId": "501964819",
        "pricesIncludeTax": True, "languageCode": "PT"}}, token))["vendor"]
    assert vendor["status"] == "PENDING"
    operator = await client.login(LOGINS["operator"], DEMO_PASSWORD)
    approved = await call("VendorApprove", {"id": vendor["id"]}, operator)
    assert approved["vendor"]["status"] == "APPROVED"
    updated = await call("VendorUpdate", {"id": vendor["id"], "input": {"region": "Olhão"}},
                         token)
    assert updated["vendor"]["region"] == "Olhão"

    product = (await call("ProductCreate", {"input": {
        "name": "Passeio na Ria Formosa", "kind": "SERVICE", "isPublished": False,
        "translations": [{"languageCode": "EN", "name": "Ria Formosa boat trip"}]}},
        token))["product"]
    assert product["isPublished"] is False
    variant = (await call("VariantCreate", {"input": {
        "productId": product["id"], "sku": "RIA-1", "price": "30.00",
        "startsAt": "2035-06-01T09:00:00Z", "endsAt": "2035-06-01T12:00:00Z",
        "capacity": 8}}, token))["variant"]
    assert variant["capacity"] == 8
    repriced = await call("VariantUpdate", {"id": variant["id"], "input": {"price": "32.50"}},
                          token)
    assert repriced["variant"]["price"]["amount"] == "32.50"
    goods = (await call("ProductCreate", {"input": {"name": "Sal marinho", "kind": "PHYSICAL",
                                                    "isPublished": True}}, token))["product"]
    jar = (await call("VariantCreate", {"input": {"productId": goods["id"], "sku": "SAL-1",
                                                  "price": "4.00", "stock": 3}}, token))
    stocked = await call("StockUpdate", {"variantId": jar["variant"]["id"], "quantity": 12},
                         token)
    assert stocked["variant"]["quantityAvailable"] == 12

    my_vendor = (OPERATIONS / "MyVendor.graphql").read_text(encoding="utf-8")
    mine = (await client.gql(my_vendor, {}, token))["myVendor"]
    assert {n["slug"]: n["isPublished"] for n in _edges(mine["products"])} == {
        "passeio-na-ria-formosa": False, "sal-marinho": True}
    published = await call("ProductUpdate", {"id": product["id"],
                                             "input": {"isPublished": True}}, token)
    assert published["product"]["isPublished"] is True
    details = (OPERATIONS / "ProductDetails.graphql").read_text(encoding="utf-8")
    public = await client.gql(details, {"slug": "passeio-na-ria-formosa", "languageCode": "EN"})
    assert public["product"]["name"] == "Ria Formosa boat trip"
    await call("ProductDelete", {"id": goods["id"]}, token)
    gone = await client.gql(details, {"slug": "sal-marinho"})
    assert gone["product"] is None


# --- web plugins' documents ----------------------------------------------------------------

PLUGIN_DOCUMENTS = sorted((ROOT / "plugins").glob("*/graphql/*.graphql"))
EXAMPLE_DOCUMENTS = sorted((ROOT / "examples").glob("**/web/graphql/*.graphql"))


def _check_plugin_document(path: Path, schema: GraphQLSchema) -> None:
    doc = parse(path.read_text(encoding="utf-8"))
    [op] = [d for d in doc.definitions if isinstance(d, OperationDefinitionNode)]
    assert op.name is not None and op.name.value == path.stem, \
        f"{path}: name the operation {path.stem}"
    assert path.read_text(encoding="utf-8").startswith("#"), \
        f"{path}: start with a comment saying which page uses it"
    errors = validate(schema, doc)
    assert not errors, f"{path}: " + "; ".join(e.message for e in errors)
    if op.operation == OperationType.MUTATION:
        for root in op.selection_set.selections:
            assert isinstance(root, FieldNode)
            if root.selection_set is None:
                continue  # a scalar result (e.g. notificationMarkAllRead: Int) has no errors
            [errors_field] = [f for f in _fields(root.selection_set, doc)
                              if f.name.value == "errors"]
            selected = {f.name.value for f in _fields(errors_field.selection_set, doc)}
            assert selected >= ERROR_FIELDS, f"{path}: select errors {{ field code message }}"


def test_first_party_web_pages_have_documents() -> None:
    assert len(PLUGIN_DOCUMENTS) >= 15 and EXAMPLE_DOCUMENTS


@pytest.mark.parametrize("path", PLUGIN_DOCUMENTS, ids=lambda p: f"{p.parts[-3]}/{p.stem}")
def test_plugin_document_is_valid_against_the_published_schema(
        path: Path, published_schema: GraphQLSchema) -> None:
    _check_plugin_document(path, published_schema)


@pytest.mark.parametrize("path", EXAMPLE_DOCUMENTS, ids=lambda p: p.stem)
def test_example_plugin_document_is_valid_against_its_schema(path: Path) -> None:
    schema = build_app_schema(build_plugin_manager(entry_points_from="all"), Settings())
    _check_plugin_document(path, schema._schema)
