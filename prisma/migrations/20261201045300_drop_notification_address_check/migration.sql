-- The wasm schema engine cannot introspect a CHECK constraint (prisma migrate diff crashes on it, so
-- npm run db:new-migration did), and Prisma does not model one: the outbox code keeps the rule that
-- an email row has an address and an SMS row a phone.
ALTER TABLE "Notification" DROP CONSTRAINT "Notification_channel_address";
