"""Root queries (``courses``, ``myEnrolments``, ``certificateVerify``) and the fields added
to core types (``Product.course``, ``Vendor.courseStats``)."""

from __future__ import annotations

from typing import Any

import strawberry
from sqlalchemy import String, select
from sqlalchemy import cast as sql_cast

from engine.plugins.api import (
    Connection,
    Info,
    LanguageCodeEnum,
    NotAuthenticated,
    PageArgs,
    ProductType,
    connection,
    count_of,
    decode_id,
    fetch_page,
    utcnow,
)
from plugins.elearning.certificates import verify
from plugins.elearning.core_reads import (
    category_and_descendants,
    course_product_select,
    product_category_column,
    product_id_column,
)
from plugins.elearning.learning_types import EnrolmentType, VerificationType
from plugins.elearning.loaders import COURSES, course_by_product
from plugins.elearning.models import Course, Enrolment
from plugins.elearning.progress import progress_of
from plugins.elearning.types import CourseType, DeliveryMode, Level

MAX_CREDENTIAL = 20_000


@strawberry.input
class CourseFilterInput:
    category_id: strawberry.ID | None = None
    language_code: LanguageCodeEnum | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="Courses offered in this language.")
    delivery_mode: DeliveryMode | None = None
    level: Level | None = None

    def apply(self, query: Any) -> Any:
        if self.category_id is not None:
            category = decode_id(self.category_id, "Category", field="filter.categoryId")
            query = query.where(product_category_column().in_(
                category_and_descendants(category)))
        if self.language_code is not None:
            query = query.where(sql_cast(Course.languages, String).like(
                f'%"{self.language_code.value}"%'))
        if self.delivery_mode is not None:
            query = query.where(Course.delivery_mode == self.delivery_mode.value)
        if self.level is not None:
            query = query.where(Course.level == self.level.value)
        return query


def product_of(row: Any, language: str | None) -> ProductType:
    """A core ``Product`` object from a ``public_products`` row."""
    return ProductType.of_row(row, language)


@strawberry.type
class ElearningQuery:
    @strawberry.field(description="Published courses (products of kind COURSE with course "
                                  "data), filtered; read each one's `course` field.")
    async def courses(
        self, info: Info, first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
        filter: CourseFilterInput | None = None,
        language_code: LanguageCodeEnum | None = None,  # type: ignore[valid-type]
    ) -> Connection[ProductType]:
        runtime = info.context.runtime
        language = language_code.value if language_code is not None else None
        base = course_product_select(language).join(
            Course, Course.product_id == product_id_column())
        query = filter.apply(base) if filter else base
        async with runtime.db.read() as session:
            page = await fetch_page(session, query, product_id_column(),
                                    PageArgs(first, after, last, before),
                                    lambda row: int(row[0].id))

        async def count() -> int:
            async with runtime.db.read() as session:
                return int(await session.scalar(count_of(query)) or 0)

        return connection(page, lambda row: product_of(row, language),
                          lambda row: int(row[0].id), count)

    @strawberry.field(description="The signed-in learner's enrolments with progress.")
    async def my_enrolments(
        self, info: Info,
        language_code: LanguageCodeEnum | None = None,  # type: ignore[valid-type]
    ) -> list[EnrolmentType]:
        user = await info.context.user()
        if user is None:
            raise NotAuthenticated()
        language = language_code.value if language_code is not None else None
        out = []
        async with info.context.runtime.db.read() as session:
            rows = await session.execute(
                select(Enrolment, Course).join(Course, Course.id == Enrolment.course_id)
                .where(Enrolment.user_id == user.id).order_by(Enrolment.id))
            for enrolment, course in rows:
                out.append(EnrolmentType.of(enrolment, course,
                                            await progress_of(session, enrolment), language))
        return out

    @strawberry.field(description="Verify a certificate (public): signature, expiry and "
                                  "revocation, with every claim.")
    async def certificate_verify(self, info: Info, credential: str) -> VerificationType:
        runtime = info.context.runtime
        async with runtime.db.read() as session:
            result = await verify(session, runtime, credential.strip()[:MAX_CREDENTIAL],
                                  utcnow())
        return VerificationType.of(result)


async def product_course(root: ProductType, info: Info) -> CourseType | None:
    """Course facts and curriculum of this product (null unless it is a course)."""
    course = await info.context.loader(COURSES, course_by_product).load(root.pk)
    return CourseType.of(course, root.language) if course else None


def product_fields() -> list[Any]:
    return [strawberry.field(resolver=product_course, name="course",
                             description=product_course.__doc__)]
