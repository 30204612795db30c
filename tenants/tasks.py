"""Background work about schools."""

from celery import shared_task


@shared_task(name="tenants.schema_pool_refill", ignore_result=True)
def schema_pool_refill() -> int:
    """Clone the template until the pool of ready schemas is full again (public schema)."""
    from tenants.services.pool import pool_fill

    return pool_fill()
