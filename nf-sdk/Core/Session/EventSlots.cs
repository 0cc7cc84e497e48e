using System;

namespace IotDevice.Session
{
    /// <summary>
    /// The handlers of a class's events kept in one array, a slot per event, made with the first handler:
    /// on the device every field is a heap block, so a client, session or dialect with several events
    /// that nobody listens to holds one field for them rather than one each. The caller keeps the array
    /// and holds its own lock while adding and removing; raising reads a slot without it.
    /// </summary>
    public static class EventSlots
    {
        /// <summary>
        /// <paramref name="slots"/> (null: none yet, made with <paramref name="count"/> slots) with
        /// <paramref name="handler"/> added to slot <paramref name="slot"/>.
        /// </summary>
        public static Delegate[] Add(Delegate[] slots, int count, int slot, Delegate handler)
        {
            if (slots == null)
            {
                if (handler == null)
                {
                    return null;
                }
                slots = new Delegate[count];
            }
            slots[slot] = Delegate.Combine(slots[slot], handler);
            return slots;
        }

        /// <summary>Removes <paramref name="handler"/> from slot <paramref name="slot"/> of <paramref name="slots"/> (null: none).</summary>
        public static void Remove(Delegate[] slots, int slot, Delegate handler)
        {
            if (slots != null)
            {
                slots[slot] = Delegate.Remove(slots[slot], handler);
            }
        }

        /// <summary>The handlers in slot <paramref name="slot"/>, or null.</summary>
        public static Delegate Get(Delegate[] slots, int slot)
        {
            return slots == null ? null : slots[slot];
        }
    }
}
