/**
 * The feature definitions of this repository: customers, their weekly order statistics read from
 * data/customer_stats.parquet, and the feature service a model reads.
 */
package ${package};
