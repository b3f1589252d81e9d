/** The audit log: who changed what and when, read from the outbox for admins. */
package org.lede.audit;
